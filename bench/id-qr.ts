/**
 * ID QR verification (issue 14), on the running app (bench/stack.ts: production settings, no response validation,
 * no logs), over BENCH_ID_CODES distinct Claim 169 codes (500 by default) of one applicant's ID, signed with Ed25519
 * by a trusted issuer the program manager added through the API:
 *  - `POST /api/v1/me/id-verification` as that applicant, 20 clients at once for BENCH_SECONDS (10): every check of
 *    the code, the trusted issuers read, and the account's link written (one command: audit and outbox events);
 *  - beside it, in the same run, the raw library cost: `verifyIdQr` (base45, zlib, COSE, CWT, Ed25519 by WebCrypto,
 *    dates) in-process on one thread, no HTTP and no database.
 */
import { performance } from 'node:perf_hooks';
import { verifyIdQr } from '../src/modules/identity/index.js';
import { generateIdSigningKey, signIdCard } from '../test/support/id-qr-codes.js';
import { runLoad } from './load-process.js';
import { startBenchStack } from './stack.js';

const CODES = Number(process.env.BENCH_ID_CODES ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const ISSUER = 'https://bench-id.example';

export interface IdQrBenchRow {
  what: string;
  clients: number;
  verifications: number;
  perSecond: number;
  p50Ms?: number;
  p99Ms?: number;
  unexpected?: number;
}

function percentile(sorted: number[], p: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN) * 100) / 100;
}

export async function benchIdQr(): Promise<{ codes: number; seconds: number; rows: IdQrBenchRow[] }> {
  const stack = await startBenchStack(1);
  try {
    const key = generateIdSigningKey('EdDSA');
    const trusted = await fetch(`${stack.url}/api/v1/id-issuers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token('maria')}` },
      body: JSON.stringify({ issuer: ISSUER, name: 'Bench ID office', keys: [{ algorithm: 'EdDSA', publicKeyHex: key.publicKeyHex }] }),
    });
    if (trusted.status !== 201) throw new Error(`the trusted issuer was refused: ${trusted.status}`);
    const codes = Array.from({ length: CODES }, (_, i) =>
      signIdCard({
        issuer: ISSUER,
        key,
        claims: {
          id: 'NID-B0001',
          firstName: 'Bench',
          lastName: `Applicant ${i}`,
          dateOfBirth: '19900101',
          gender: 3,
          address: `${i} Bench Road`,
        },
      }),
    );

    // The raw library, first, on this thread while nothing else runs.
    const options = {
      trustedIssuers: [
        { issuer: ISSUER, name: 'Bench ID office', keys: [{ algorithm: 'EdDSA' as const, publicKeyHex: key.publicKeyHex }] },
      ],
      decryptionKeys: [],
      now: new Date(),
    };
    for (const code of codes.slice(0, 50)) await verifyIdQr(code, options);
    const rawTimes: number[] = [];
    const rawStart = performance.now();
    for (let i = 0; performance.now() - rawStart < SECONDS * 1000; i++) {
      const started = performance.now();
      await verifyIdQr(codes[i % codes.length] as string, options);
      rawTimes.push(performance.now() - started);
    }
    const rawSeconds = (performance.now() - rawStart) / 1000;
    rawTimes.sort((a, b) => a - b);

    const applicant = stack.applicants[0] as string;
    const bodies = codes.map((text) => JSON.stringify({ text }));
    const outcome = await runLoad({
      url: `${stack.url}/api/v1/me/id-verification`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      authorization: `Bearer ${await stack.token(applicant)}`,
      bodies,
    });
    return {
      codes: CODES,
      seconds: SECONDS,
      rows: [
        {
          what: 'POST /api/v1/me/id-verification (verify + link, HTTP)',
          clients: CONNECTIONS,
          verifications: outcome.ok,
          perSecond: Math.round(outcome.ok / SECONDS),
          p50Ms: percentile(outcome.latencies, 50),
          p99Ms: percentile(outcome.latencies, 99),
          unexpected: outcome.unexpected,
        },
        {
          what: 'verifyIdQr in-process (decode + verify, no HTTP, one thread)',
          clients: 1,
          verifications: rawTimes.length,
          perSecond: Math.round(rawTimes.length / rawSeconds),
          p50Ms: percentile(rawTimes, 50),
          p99Ms: percentile(rawTimes, 99),
        },
      ],
    };
  } finally {
    await stack.stop();
  }
}
