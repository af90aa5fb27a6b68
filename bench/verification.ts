/**
 * Verification and redemption over HTTP (issue 13), on the running app (bench/stack.ts: production settings,
 * no response validation, no logs), over BENCH_VERIFY_VOUCHERS distinct vouchers (1,000 by default) issued
 * through the API and taken in turn, so no two requests in a row carry the same voucher:
 *  - `POST /api/v1/verifications` with the QR text, 50 clients at once for BENCH_SECONDS (10), and one client
 *    at a time for its latency (each voucher is first verified once, its answer read);
 *  - beside them, in the same run, the raw library: `vc.verifyCredential` of the same credentials (signature
 *    and validity, no status lists) on one thread, and our `checkVoucher` in-process (every check, both status
 *    lists, no HTTP);
 *  - `POST /api/v1/redemptions` as a provider user: 1.00 at a time from one hot voucher, and from distinct ones.
 * The load (autocannon) runs in a child process (`load-process.ts`); the app on this process's main thread and
 * its thread pool, as in production.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as vc from '@digitalbazaar/vc';
import pg from 'pg';
import { createDocumentLoader } from '../src/modules/vouchers/index.js';
import { runLoad, type LoadOptions } from './load-process.js';
import { startBenchStack } from './stack.js';
import { seedApproved, seedProgramAndRegistrants } from './voucher-issuance.js';

const VOUCHERS = Number(process.env.BENCH_VERIFY_VOUCHERS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

export interface VerificationRow {
  what: string;
  clients: number;
  requests: number;
  perSecond: number;
  p50Ms?: number;
  p99Ms?: number;
  /** Answers other than the expected one (2xx, or 201 for redemptions). */
  unexpected?: number;
}

export interface VerificationBenchResult {
  vouchers: number;
  seconds: number;
  rows: VerificationRow[];
  /** HTTP throughput with 50 clients over the raw one-thread rate, and the goal's ratio (half per core on 2 cores). */
  throughputOverRaw: number;
}

const progress = (step: string) => process.stderr.write(`verification bench: ${step} (${new Date().toISOString()})\n`);

function percentile(sorted: number[], p: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN) * 100) / 100;
}

async function load(what: string, options: LoadOptions & { latencies?: boolean }): Promise<VerificationRow> {
  const outcome = await runLoad(options);
  return {
    what,
    clients: options.connections,
    requests: outcome.ok,
    perSecond: Math.round(outcome.ok / options.seconds),
    ...(options.latencies ? { p50Ms: percentile(outcome.latencies, 50), p99Ms: percentile(outcome.latencies, 99) } : {}),
    unexpected: outcome.unexpected,
  };
}

/**
 * With BENCH_PROFILE=<file>, a CPU profile of this process's main thread (the app's) during the 50-client load,
 * for Chrome's DevTools or any `.cpuprofile` reader. Without, nothing.
 */
async function profileMainThread(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => {};
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  };
}

async function timed(what: string, operations: number, work: (i: number) => Promise<unknown>): Promise<VerificationRow> {
  for (let i = 0; i < Math.min(50, operations); i++) await work(i);
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < operations; i++) {
    const t0 = performance.now();
    await work(i);
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    what,
    clients: 1,
    requests: operations,
    perSecond: Math.round(operations / seconds),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

export async function benchVerification(): Promise<VerificationBenchResult> {
  const stack = await startBenchStack(1);
  const owner = new pg.Pool({ connectionString: stack.ownerUrl, max: 2 });
  try {
    progress(`issuing ${VOUCHERS + 1} vouchers`);
    const programId = await seedProgramAndRegistrants(owner);
    const applicationIds = await seedApproved(owner, programId, 'VB-', VOUCHERS + 1);
    const ivan = `Bearer ${await stack.token('ivan')}`;
    const vouchers: Array<{ id: string; qrText: string; credential: Record<string, unknown> }> = [];
    for (let i = 0; i < applicationIds.length; i += 100) {
      const issued = await fetch(`${stack.url}/api/v1/vouchers/issuance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: ivan },
        body: JSON.stringify({ applicationIds: applicationIds.slice(i, i + 100) }),
      });
      const { results } = (await issued.json()) as { results: Array<{ voucherId?: string }> };
      for (const { voucherId } of results) {
        if (!voucherId) throw new Error('a voucher was not issued');
        const voucher = (await (await fetch(`${stack.url}/api/v1/vouchers/${voucherId}`, { headers: { authorization: ivan } })).json()) as {
          id: string;
          qrText: string;
          credential: Record<string, unknown>;
        };
        vouchers.push(voucher);
      }
    }
    const [hot, ...distinct] = vouchers as [(typeof vouchers)[number], ...typeof vouchers];

    // Raw library and our checks, one thread, the same credentials.
    progress('raw library and in-process checks');
    const documentLoader = createDocumentLoader();
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    const raw = await timed('raw vc.verifyCredential (signature, validity; no status), one thread', distinct.length, async (i) => {
      const result = await vc.verifyCredential({
        credential: distinct[i]?.credential as Record<string, unknown>,
        suite,
        documentLoader,
        // The lists are not read here: the raw row is the signature and the dates alone.
        checkStatus: async () => ({ verified: true }),
      });
      if (!result.verified) throw new Error('the raw library did not verify a voucher');
    });
    const scanOnce = async (i: number) => {
      const res = await fetch(`${stack.url}/api/v1/verifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: distinct[i % distinct.length]?.qrText }),
      });
      const body = (await res.json()) as { verified?: boolean };
      if (!body.verified) throw new Error('a voucher did not verify over HTTP');
    };

    progress(`HTTP verification, ${CONNECTIONS} clients, ${SECONDS} s`);
    const bodies = distinct.map((voucher) => JSON.stringify({ text: voucher.qrText }));
    const url = `${stack.url}/api/v1/verifications`;
    // Every voucher verifies over HTTP before the loads, which count answers by status alone.
    for (let i = 0; i < distinct.length; i++) await scanOnce(i);
    await load('warm-up', { url, connections: CONNECTIONS, seconds: 2, bodies });
    const stopProfile = await profileMainThread(process.env.BENCH_PROFILE);
    const many = await load(`HTTP POST /api/v1/verifications, ${CONNECTIONS} clients, distinct vouchers`, {
      url,
      connections: CONNECTIONS,
      seconds: SECONDS,
      bodies,
      latencies: true,
    });
    await stopProfile();
    progress('HTTP verification, one client at a time');
    const one = await load('HTTP POST /api/v1/verifications, one client at a time', {
      url,
      connections: 1,
      seconds: SECONDS,
      bodies,
      latencies: true,
    });

    progress('redemptions');
    const maria = `Bearer ${await stack.token('maria')}`;
    const facility = (await (
      await fetch(`${stack.url}/api/v1/providers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: maria },
        body: JSON.stringify({ name: 'Bench Clinic', kind: 'clinic', region: 'Coast', paymentDetails: 'KCB 1234567890' }),
      })
    ).json()) as { id: string };
    await fetch(`${stack.url}/api/v1/providers/${facility.id}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: maria },
      body: JSON.stringify({ username: 'clinic' }),
    });
    const clinic = `Bearer ${await stack.token('clinic')}`;
    const redeemUrl = `${stack.url}/api/v1/redemptions`;
    const redeemOf = (voucherId: string) => JSON.stringify({ voucherId, amount: '0.01', service: 'Dressing' });
    const hotRow = await load(`HTTP POST /api/v1/redemptions, one hot voucher, ${CONNECTIONS} clients`, {
      url: redeemUrl,
      connections: CONNECTIONS,
      seconds: SECONDS,
      authorization: clinic,
      bodies: [redeemOf(hot.id)],
      latencies: true,
    });
    const distinctRow = await load(`HTTP POST /api/v1/redemptions, distinct vouchers, ${CONNECTIONS} clients`, {
      url: redeemUrl,
      connections: CONNECTIONS,
      seconds: SECONDS,
      authorization: clinic,
      bodies: distinct.map((voucher) => redeemOf(voucher.id)),
      latencies: true,
    });
    const [drawn] = (
      await owner.query<{ drawn: string; records: string }>(
        `SELECT (SELECT redeemed_amount FROM vouchers WHERE id = $1) AS drawn,
           (SELECT count(*) FROM redemptions WHERE voucher_id = $1) AS records`,
        [hot.id],
      )
    ).rows;
    if (Number(drawn?.drawn) !== Number(drawn?.records) / 100)
      throw new Error(`the hot voucher's total does not match its records: ${JSON.stringify(drawn)}`);

    const rows = [raw, many, one, hotRow, distinctRow];
    progress(`done:\n${rows.map((row) => `  ${row.what}: ${row.perSecond}/s`).join('\n')}`);
    return { vouchers: VOUCHERS, seconds: SECONDS, rows, throughputOverRaw: Number((many.perSecond / raw.perSecond).toFixed(2)) };
  } finally {
    await owner.end();
    await stack.stop();
  }
}
