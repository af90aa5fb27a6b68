/**
 * Application submissions per second and latency with 20 concurrent clients, each a different
 * applicant with their own valid token, against the real app and PostgreSQL (goal: ≥ 1,000/s,
 * p95 ≤ 50 ms). The app runs in its own process (bench/serve.ts); this one only generates load.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/config.js';

export interface SubmissionsResult {
  connections: number;
  durationSeconds: number;
  submitted: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

interface Served {
  url: string;
  programId: string;
  tokens: string[];
}

export async function benchSubmissions(connections = 20, durationSeconds = 10): Promise<SubmissionsResult> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'bench/serve.ts', String(connections)], {
    cwd: PROJECT_ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const served = await new Promise<Served>((resolve, reject) => {
      createInterface({ input: server.stdout }).on('line', (line) => {
        if (line.startsWith('{')) resolve(JSON.parse(line) as Served);
      });
      server.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const body = JSON.stringify({
      programId: served.programId,
      treatment: {
        type: 'surgery',
        description: 'Appendectomy after admission through the emergency ward.',
        estimatedCost: '1200.50',
        currency: 'USD',
        facility: 'County Referral Hospital',
      },
      applicant: {
        givenName: 'Bench',
        familyName: 'Applicant',
        gender: 'female',
        birthDate: '1990-02-14',
        occupation: 'Trader',
        phone: '+254 700 000002',
        address: { region: 'Coast', district: 'Mombasa', locality: 'Likoni' },
      },
      familyMembers: [{ relation: 'child', givenName: 'Zawadi', familyName: 'Applicant', gender: 'female', birthDate: '2016-06-30' }],
    });
    let nextClient = 0;
    let latencies: number[] = [];
    const run = (duration: number) =>
      autocannon({
        url: `${served.url}/api/v1/applications`,
        method: 'POST',
        connections,
        duration,
        body,
        headers: { 'content-type': 'application/json' },
        // Each connection is one applicant with their own token.
        setupClient: (client) => {
          const token = served.tokens[nextClient++ % served.tokens.length] ?? '';
          client.setHeadersAndBody({ 'content-type': 'application/json', authorization: `Bearer ${token}` }, body);
          client.on('response', (_status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
        },
      });
    await run(3); // warm-up: JIT, connection pools, JWKS cache
    latencies = [];
    const result = await run(durationSeconds);
    latencies.sort((a, b) => a - b);
    const percentile = (p: number) =>
      Math.round((latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN) * 10) / 10;
    return {
      connections,
      durationSeconds,
      submitted: result['2xx'],
      perSecond: Math.round(result['2xx'] / durationSeconds),
      p50Ms: percentile(50),
      p95Ms: percentile(95),
      p99Ms: percentile(99),
      non2xx: result.non2xx,
      errors: result.errors,
    };
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
}
