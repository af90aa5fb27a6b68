/**
 * A private embedded PostgreSQL data folder per test run, copied from a template made once, on a
 * free port: several runs (and the boot test's own server) can share one machine without clashing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config.js';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded-postgres.js';

const ROOT = path.join(PROJECT_ROOT, '.data', 'test-postgres');
const TEMPLATE = path.join(ROOT, 'template');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureTemplate(): Promise<void> {
  if (existsSync(path.join(TEMPLATE, 'PG_VERSION'))) return;
  const building = path.join(ROOT, `template-${process.pid}`);
  await rm(building, { recursive: true, force: true });
  const cluster = await startEmbeddedPostgres({ dataDir: building, port: await freePort(), database: 'postgres' });
  await cluster.stop();
  await rm(path.join(building, 'postmaster.pid'), { force: true });
  // Another run may have finished its template first; either copy is fine.
  await rename(building, TEMPLATE).catch(() => rm(building, { recursive: true, force: true }));
}

/** Removes the folders of runs whose process is gone (a run killed before its teardown). */
async function removeAbandonedRuns(): Promise<void> {
  for (const name of await readdir(ROOT).catch(() => [])) {
    const pid = Number(/^run-(\d+)-/.exec(name)?.[1]);
    if (pid && !isAlive(pid)) await rm(path.join(ROOT, name), { recursive: true, force: true });
  }
}

export interface ClusterFolder {
  dataDir: string;
  port: number;
  remove(): Promise<void>;
}

export async function copyTemplateCluster(label: string): Promise<ClusterFolder> {
  await mkdir(ROOT, { recursive: true });
  await removeAbandonedRuns();
  await ensureTemplate();
  const dataDir = path.join(ROOT, `run-${process.pid}-${label}`);
  await rm(dataDir, { recursive: true, force: true });
  // cp -a keeps the owner (the `postgres` user when running as root) and the 0700 mode PostgreSQL wants.
  await promisify(execFile)('cp', ['-a', TEMPLATE, dataDir]);
  return { dataDir, port: await freePort(), remove: () => rm(dataDir, { recursive: true, force: true }) };
}
