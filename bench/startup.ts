/**
 * Cold start to ready on embedded defaults: spawn `npm start`'s command with no DATABASE_URL and no
 * OIDC_ISSUER, and time until /readyz answers 200. "first" uses an empty data folder (initdb included),
 * "warm" reuses it, as a second `npm start` does.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';

export interface StartupResult {
  kind: 'first' | 'warm';
  msToReady: number;
}

async function timeToReady(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      DEV_OIDC_PORT: '0',
      EMBEDDED_PG_DIR: dataDir,
      EMBEDDED_PG_PORT: '54359',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    const deadline = started + 60_000;
    while (performance.now() < deadline) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('not ready within 60 s');
  } finally {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

export async function benchStartup(runs = 3): Promise<StartupResult[]> {
  const dataDir = path.join(PROJECT_ROOT, '.data', 'bench-postgres');
  await rm(dataDir, { recursive: true, force: true });
  const results: StartupResult[] = [{ kind: 'first', msToReady: await timeToReady(dataDir, 3901) }];
  for (let i = 0; i < runs; i++) results.push({ kind: 'warm', msToReady: await timeToReady(dataDir, 3901) });
  return results;
}
