/** `npm run bench`: runs each benchmark, prints a table, writes bench/results/<name>.json. */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { benchAnalytics, benchAnalyticsDashboard, benchAnalyticsIndexing } from './analytics.js';
import { benchApprovals } from './approvals.js';
import { benchAuditCost } from './audit.js';
import { benchDedup, DEDUP_GOAL_P95_MS } from './dedup.js';
import { benchJwtVerification } from './jwt.js';
import { benchRegistrySearch } from './registry-search.js';
import { benchStartup } from './startup.js';
import { benchSubmissions } from './submissions.js';
import { benchUpload } from './upload.js';
import { benchVoucherIssuance } from './voucher-issuance.js';
import { benchVoucherQr } from './voucher-qr.js';
import { benchVoucherSigning } from './voucher-sign.js';
import { benchVerification } from './verification.js';
import { benchIdQr } from './id-qr.js';
import { benchG2pCallbacks } from './g2p-callbacks.js';

const machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) };
const resultsDir = path.join(PROJECT_ROOT, 'bench', 'results');
await mkdir(resultsDir, { recursive: true });
const only = process.argv[2];

if (!only || only === 'startup') {
  const startup = await benchStartup();
  console.log('\nCold start to ready (embedded PostgreSQL + development provider), goal ≤ 3000 ms');
  console.table(startup.map((r) => ({ start: r.kind, 'ms to /readyz 200': Math.round(r.msToReady) })));
  await writeFile(path.join(resultsDir, 'startup.json'), JSON.stringify({ machine, startup }, null, 2));
}

if (!only || only === 'jwt') {
  const jwt = await benchJwtVerification();
  console.log('\nJWT verification per request (RS256, JWKS cached): signature checked each time, and a token seen before');
  console.table(
    jwt.map((r) => ({
      mode: r.mode,
      iterations: r.iterations,
      'p50 µs': r.p50Us.toFixed(1),
      'p95 µs': r.p95Us.toFixed(1),
      'p99 µs': r.p99Us.toFixed(1),
    })),
  );
  await writeFile(path.join(resultsDir, 'jwt.json'), JSON.stringify({ machine, jwt }, null, 2));
}

if (!only || only === 'submissions') {
  const submissions = await benchSubmissions();
  console.log(
    `\nApplication submissions, ${submissions.connections} concurrent applicants, ${submissions.durationSeconds} s` +
      ' (goal ≥ 1000/s, p95 ≤ 50 ms)',
  );
  console.table([
    {
      'submitted/s': submissions.perSecond,
      'p50 ms': submissions.p50Ms,
      'p95 ms': submissions.p95Ms,
      'p99 ms': submissions.p99Ms,
      submitted: submissions.submitted,
      'non-2xx': submissions.non2xx,
      errors: submissions.errors,
    },
  ]);
  await writeFile(
    path.join(resultsDir, 'submissions.json'),
    JSON.stringify({ machine, database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded', submissions }, null, 2),
  );
}

if (!only || only === 'upload') {
  const upload = await benchUpload();
  console.log(
    `\nDocument uploads of ${(upload.fileBytes / 2 ** 20).toFixed(0)} MiB PDFs (multipart over HTTP, local folder storage),` +
      ' and downloads (hash re-checked)',
  );
  console.table(
    upload.runs.map((r) => ({
      run: r.mode,
      'in flight': r.concurrency,
      requests: r.requests,
      'ms per request': r.msPerRequest,
      'p95 ms': r.p95Ms,
      'MB/s': r.mbPerSecond,
    })),
  );
  await writeFile(
    path.join(resultsDir, 'upload.json'),
    JSON.stringify({ machine, database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded', upload }, null, 2),
  );
}

if (!only || only === 'audit') {
  const audit = await benchAuditCost();
  console.log('\nWhat the audit trail costs per transaction: one plain row (baseline), and the same row with its audit and outbox event');
  console.table(
    audit.rows.map((r) => ({ mode: r.mode, concurrency: r.concurrency, 'per s': r.perSecond, 'p50 ms': r.p50Ms, 'p95 ms': r.p95Ms })),
  );
  console.log(
    `Sealing a checkpoint over ${audit.sealedEvents} events: ${audit.sealMs} ms; ` +
      `verifying ${audit.verifiedEvents} events: ${audit.verifyMs} ms`,
  );
  await writeFile(path.join(resultsDir, 'audit.json'), JSON.stringify({ machine, audit }, null, 2));
}

if (!only || only === 'approvals') {
  const approvals = await benchApprovals();
  console.log(
    '\nApprovals: stage decisions by 50 officers at once on distinct applications, and the work queue with ' +
      `${approvals.waiting} applications waiting; each beside the raw PostgreSQL cost of the same statements (goal p95 ≤ 50 ms)`,
  );
  console.table(
    approvals.rows.map((r) => ({
      what: r.what,
      'at once': r.concurrency,
      operations: r.operations,
      'per s': r.perSecond,
      'p50 ms': r.p50Ms,
      'p95 ms': r.p95Ms,
    })),
  );
  await writeFile(
    path.join(resultsDir, 'approvals.json'),
    JSON.stringify({ machine, database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded', approvals }, null, 2),
  );
}

if (!only || only === 'voucher-qr') {
  const qr = await benchVoucherQr();
  console.log('\nVoucher QR size: one signed voucher with its two status entries (goal VC1-R ≤ 300 bytes, ≤ version 13 at ECC M)');
  console.table(
    qr.map((r) => ({
      encoding: r.encoding,
      'payload bytes': r.payloadBytes,
      'QR text chars': r.textLength,
      'version L': r.versions.L ?? '> 40',
      'version M': r.versions.M ?? '> 40',
      'version Q': r.versions.Q ?? '> 40',
    })),
  );
  await writeFile(path.join(resultsDir, 'voucher-qr.json'), JSON.stringify({ machine, qr }, null, 2));
}

if (!only || only === 'voucher-sign') {
  const signing = await benchVoucherSigning();
  console.log('\nVoucher signing and verification per operation, one thread, beside the raw library calls (goal ≤ 1.5× raw)');
  console.table(signing.map((r) => ({ what: r.what, operations: r.operations, 'per s': r.perSecond, 'mean ms': r.meanMs })));
  await writeFile(path.join(resultsDir, 'voucher-sign.json'), JSON.stringify({ machine, signing }, null, 2));
}

if (!only || only === 'voucher-issuance') {
  const issuance = await benchVoucherIssuance();
  console.log(
    `\nBulk voucher issuance, ${issuance.vouchers} approved applications per setting (sign, CBOR-LD encode, store with audit and` +
      ` outbox; PDFs are drawn on first download, not here), beside the raw library and the bare SQL in the same run` +
      ` (goal ≥ ${issuance.goalPerSecond} vouchers/s)`,
  );
  console.table(
    issuance.rows.map((r) => ({
      what: r.what,
      'at once': r.concurrency,
      vouchers: r.vouchers,
      seconds: r.seconds,
      'vouchers/s': r.perSecond,
      'per round': r.roundsPerSecond ? `${Math.min(...r.roundsPerSecond)}–${Math.max(...r.roundsPerSecond)}` : '',
      'p95 ms': r.p95Ms ?? '',
    })),
  );
  console.log(
    `Best service setting: ${issuance.best.what}, ${issuance.best.perSecond} vouchers/s: the goal of ` +
      `${issuance.goalPerSecond}/s is ${issuance.best.goalMet ? 'met' : 'not met'} on this machine; that is ` +
      `${Math.round(issuance.best.shareOfRaw * 100)} % of the raw library's signing rate in the same rounds.`,
  );
  await writeFile(
    path.join(resultsDir, 'voucher-issuance.json'),
    JSON.stringify({ machine, database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded', issuance }, null, 2),
  );
}

if (!only || only === 'verification') {
  const verification = await benchVerification();
  console.log(
    `\nVerification and redemption over HTTP, ${verification.vouchers} distinct vouchers taken in turn, ${verification.seconds} s per` +
      ' load, beside the raw library in the same run (goals: 50 clients at least the raw one-thread rate on 2 cores;' +
      ' one client p50 ≤ 2 ms, p99 ≤ 10 ms)',
  );
  console.table(
    verification.rows.map((r) => ({
      what: r.what,
      clients: r.clients,
      requests: r.requests,
      'per s': r.perSecond,
      'p50 ms': r.p50Ms ?? '',
      'p99 ms': r.p99Ms ?? '',
      unexpected: r.unexpected ?? '',
    })),
  );
  console.log(`HTTP with 50 clients over the raw one-thread rate: ${verification.throughputOverRaw}× (goal ≥ 1×).`);
  await writeFile(path.join(resultsDir, 'verification.json'), JSON.stringify({ machine, verification }, null, 2));
}

if (!only || only === 'registry-search') {
  const search = await benchRegistrySearch();
  console.log(
    `\nRegistry search, ${search.registrants} registrants, ${search.clients} clients for ${search.seconds} s each, beside the same` +
      ' statements bare in the same run (goal: by name and by region p95 ≤ 25 ms)',
  );
  console.table(
    search.rows.map((r) => ({
      search: r.search,
      via: r.via,
      'per s': r.perSecond,
      'p50 ms': r.p50Ms,
      'p95 ms': r.p95Ms,
      'p99 ms': r.p99Ms,
      unexpected: r.unexpected,
    })),
  );
  await writeFile(
    path.join(resultsDir, 'registry-search.json'),
    JSON.stringify({ machine, database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded', search }, null, 2),
  );
}

// Needs a real OpenSearch: run only when asked for (`npm run bench -- analytics`, with OPENSEARCH_URL).
if (only === 'analytics') {
  const analytics = await benchAnalytics();
  console.log('\nIndexing outbox events into OpenSearch, beside bare bulk calls in the same run');
  console.table(analytics.indexing.map((r) => ({ what: r.what, events: r.events, seconds: r.seconds, 'events/s': r.perSecond })));
  console.log('\nLag from a state change to searchable (goal p95 ≤ 2000 ms), beside a bare index call');
  console.table(analytics.lag.map((r) => ({ what: r.what, samples: r.samples, 'p50 ms': r.p50Ms, 'p95 ms': r.p95Ms, 'max ms': r.maxMs })));
  console.log(
    `\nDashboard figures with ${analytics.dashboard[0]?.applications ?? 0} applications indexed (goal p95 ≤ 500 ms),` +
      ' beside a bare aggregation' +
      (analytics.loadSeconds ? ` (load took ${analytics.loadSeconds} s)` : ' (load kept from an earlier run)'),
  );
  console.table(analytics.dashboard.map((r) => ({ what: r.what, samples: r.samples, 'p50 ms': r.p50Ms, 'p95 ms': r.p95Ms })));
  await writeFile(path.join(resultsDir, 'analytics.json'), JSON.stringify({ machine, analytics }, null, 2));
}

if (only === 'analytics-indexing') {
  const indexing = await benchAnalyticsIndexing();
  console.log('\nIndexing outbox events into OpenSearch, beside bare bulk calls in the same run');
  console.table(indexing.map((r) => ({ what: r.what, events: r.events, seconds: r.seconds, 'events/s': r.perSecond })));
  await writeFile(path.join(resultsDir, 'analytics-indexing.json'), JSON.stringify({ machine, indexing }, null, 2));
}

if (only === 'analytics-dashboard') {
  const dashboard = await benchAnalyticsDashboard();
  console.log(`\nDashboard figures with ${dashboard.rows[0]?.applications ?? 0} applications indexed (goal p95 ≤ 500 ms)`);
  console.table(dashboard.rows.map((r) => ({ what: r.what, samples: r.samples, 'p50 ms': r.p50Ms, 'p95 ms': r.p95Ms })));
  await writeFile(path.join(resultsDir, 'analytics-dashboard.json'), JSON.stringify({ machine, dashboard }, null, 2));
}

if (!only || only === 'dedup') {
  const dedup = await benchDedup();
  console.log(
    `\nDuplicate search, one at a time, with ${dedup.registrants} registrants and ${dedup.familyMembers} family members ` +
      `(seeded in ${dedup.seedSeconds} s, indexes built in ${dedup.indexSeconds} s), ` +
      `beside the bare SQL (goal p95 ≤ ${DEDUP_GOAL_P95_MS} ms)`,
  );
  console.table(
    dedup.rows.map((r) => ({
      what: r.what,
      searches: r.searches,
      'p50 ms': r.p50Ms,
      'p95 ms': r.p95Ms,
      'p99 ms': r.p99Ms,
      'matches per search': r.matchesPerSearch,
    })),
  );
  await writeFile(
    path.join(resultsDir, 'dedup.json'),
    JSON.stringify({ machine, database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded', dedup }, null, 2),
  );
}

if (!only || only === 'id-qr') {
  const idQr = await benchIdQr();
  console.log(`\nID QR verification (Claim 169, Ed25519), ${idQr.codes} distinct codes, ${idQr.seconds} s: over HTTP, and the raw library`);
  console.table(idQr.rows);
  await writeFile(path.join(resultsDir, 'id-qr.json'), JSON.stringify({ machine, idQr }, null, 2));
}

if (!only || only === 'g2p-callbacks') {
  const callbacks = await benchG2pCallbacks();
  console.log(
    `\nDCI callbacks delivered: ${callbacks.messages} signed on-search answers of ${callbacks.bodyBytes} bytes to a local receiver,` +
      ' beside bare POSTs in the same run',
  );
  console.table(callbacks.rows.map((r) => ({ what: r.what, seconds: r.seconds, 'per second': r.perSecond })));
  await writeFile(path.join(resultsDir, 'g2p-callbacks.json'), JSON.stringify({ machine, callbacks }, null, 2));
}
