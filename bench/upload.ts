/**
 * Upload throughput of the document store: 5 MB PDFs posted as multipart/form-data over HTTP to an
 * app built like production (bench/stack.ts: no response validation, no logs, a fresh database, the
 * development OpenID provider, local folder storage in a temporary folder). Each upload is different content, so every one
 * writes a new blob. Downloads are timed too:
 * every read re-hashes the content.
 */
import { randomBytes } from 'node:crypto';
import { startBenchStack } from './stack.js';

export interface UploadRun {
  mode: 'sequential' | 'concurrent' | 'download';
  /** Requests in flight at once. */
  concurrency: number;
  requests: number;
  totalMs: number;
  /** Mean wall time per request as a client sees it. */
  msPerRequest: number;
  p95Ms: number;
  /** Payload megabytes (10^6 bytes) moved per second of wall time. */
  mbPerSecond: number;
}

export interface UploadResult {
  fileBytes: number;
  runs: UploadRun[];
}

export interface BenchUploadOptions {
  fileBytes?: number;
  sequential?: number;
  concurrent?: number;
  concurrency?: number;
}

/** A PDF by its magic bytes, filled with random (incompressible) content, distinct every call. */
function randomPdf(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summarize(mode: UploadRun['mode'], concurrency: number, fileBytes: number, totalMs: number, samples: number[]): UploadRun {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    mode,
    concurrency,
    requests: samples.length,
    totalMs: Math.round(totalMs),
    msPerRequest: Math.round((samples.reduce((sum, ms) => sum + ms, 0) / samples.length) * 10) / 10,
    p95Ms: Math.round(percentile(sorted, 95) * 10) / 10,
    mbPerSecond: Math.round(((fileBytes * samples.length) / 1e6 / (totalMs / 1000)) * 10) / 10,
  };
}

/** Runs `count` timed calls with at most `concurrency` in flight; returns the wall time and each call's time. */
async function timed(
  count: number,
  concurrency: number,
  call: (i: number) => Promise<void>,
): Promise<{ totalMs: number; samples: number[] }> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await call(i);
        samples.push(performance.now() - t0);
      }
    }),
  );
  return { totalMs: performance.now() - started, samples };
}

export async function benchUpload(options: BenchUploadOptions = {}): Promise<UploadResult> {
  const fileBytes = options.fileBytes ?? 5 * 1024 * 1024;
  const sequential = options.sequential ?? 20;
  const concurrent = options.concurrent ?? 20;
  const concurrency = options.concurrency ?? 4;
  const stack = await startBenchStack(0);
  try {
    const authorization = { authorization: `Bearer ${await stack.token('amina')}` };

    const uploaded: string[] = [];
    async function upload(bytes: Buffer): Promise<void> {
      const form = new FormData();
      form.set('kind', 'medical-report');
      form.set('file', new Blob([bytes], { type: 'application/pdf' }), 'discharge-summary.pdf');
      const response = await fetch(`${stack.url}/api/v1/documents`, { method: 'POST', headers: authorization, body: form });
      if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
      uploaded.push(((await response.json()) as { id: string }).id);
    }

    // Warm up the JIT, the pool and the JWKS cache, untimed.
    for (let i = 0; i < 3; i++) await upload(randomPdf(fileBytes));

    const runs: UploadRun[] = [];
    // Payloads are made before the clock starts: random bytes are not what is measured.
    const sequentialFiles = Array.from({ length: sequential }, () => randomPdf(fileBytes));
    const seq = await timed(sequential, 1, (i) => upload(sequentialFiles[i] as Buffer));
    runs.push(summarize('sequential', 1, fileBytes, seq.totalMs, seq.samples));

    const concurrentFiles = Array.from({ length: concurrent }, () => randomPdf(fileBytes));
    const conc = await timed(concurrent, concurrency, (i) => upload(concurrentFiles[i] as Buffer));
    runs.push(summarize('concurrent', concurrency, fileBytes, conc.totalMs, conc.samples));

    const downloads = uploaded.slice(-sequential);
    const down = await timed(downloads.length, 1, async (i) => {
      const response = await fetch(`${stack.url}/api/v1/documents/${downloads[i]}/content`, { headers: authorization });
      const body = await response.arrayBuffer();
      if (response.status !== 200 || body.byteLength !== fileBytes)
        throw new Error(`download answered ${response.status} with ${body.byteLength} bytes`);
    });
    runs.push(summarize('download', 1, fileBytes, down.totalMs, down.samples));
    return { fileBytes, runs };
  } finally {
    await stack.stop();
  }
}
