/**
 * The product as `npm start` runs it: no DATABASE_URL, no OIDC_ISSUER. It must start the embedded
 * PostgreSQL and the development provider, answer its probes and offer sign-in, and stop cleanly on SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/config.js';
import { copyTemplateCluster, freePort, type ClusterFolder } from '../support/postgres-cluster.js';

function waitForLogLine(child: ChildProcess, message: string, timeoutMs: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`no "${message}" log line within ${timeoutMs} ms:\n${buffer.slice(-2000)}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry.msg === message) {
          clearTimeout(timer);
          resolve(entry);
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before "${message}":\n${buffer.slice(-2000)}`)));
  });
}

describe('npm start on embedded defaults', () => {
  let child: ChildProcess;
  let baseUrl: string;
  let readyLine: Record<string, unknown>;
  let cluster: ClusterFolder;

  beforeAll(async () => {
    const port = await freePort();
    cluster = await copyTemplateCluster('boot');
    baseUrl = `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      DEV_OIDC_PORT: '0',
      EMBEDDED_PG_DIR: cluster.dataDir,
      EMBEDDED_PG_PORT: String(cluster.port),
      LOG_LEVEL: 'info',
    };
    // The same command as `npm start`.
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    readyLine = await waitForLogLine(child, 'ready', 45_000);
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await cluster.remove();
  });

  it('reports ready with the development provider as its issuer', () => {
    expect(String(readyLine.issuer)).toMatch(/^http:\/\/localhost:\d+\/realms\/iaod$/);
  });

  it('answers the probes', async () => {
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'up', migrations: 'done' },
      outbox: { unpublished: expect.any(Number), oldestAgeSeconds: expect.any(Number) },
    });
  });

  it('serves the home page with a sign-in link that leads to the provider', async () => {
    const home = await fetch(`${baseUrl}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Sign in');
    const login = await fetch(`${baseUrl}/auth/login`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const location = new URL(login.headers.get('location') ?? '');
    expect(location.pathname).toContain('/realms/iaod');
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('redirect_uri')).toBe(`${baseUrl}/auth/callback`);
  });

  it('sets up the open demo program with its three designated officers (by subject, shown by name) and the demo facility', async () => {
    const discovery = (await (await fetch(`${String(readyLine.issuer)}/.well-known/openid-configuration`)).json()) as {
      token_endpoint: string;
    };
    const tokenOf = async (username: string): Promise<string> => {
      const grant = await fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: 'iaod-tests', username, password: 'demo' }),
      });
      return ((await grant.json()) as { access_token: string }).access_token;
    };
    const subjectOf = async (username: string) =>
      (JSON.parse(Buffer.from((await tokenOf(username)).split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub;
    const res = await fetch(`${baseUrl}/api/v1/programs?code=EMERG-SURG`, {
      headers: { authorization: `Bearer ${await tokenOf('amina')}` },
    });
    type Officer = { ref: string; displayName: string; username?: string };
    const page = (await res.json()) as { items: Array<{ state: string; stages: Array<{ kind: string; officer: Officer }> }> };
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.state).toBe('open');
    expect(page.items[0]?.stages.map((s) => [s.kind, s.officer])).toEqual([
      ['review', { type: 'user', ref: await subjectOf('samuel'), displayName: 'Samuel Mensah', username: 'samuel' }],
      ['review', { type: 'user', ref: await subjectOf('joy'), displayName: 'Joy Banda', username: 'joy' }],
      ['assessment', { type: 'user', ref: await subjectOf('sena'), displayName: 'Sena Kofi', username: 'sena' }],
    ]);
    // And the demo facility, with the demo provider user linked so the Service Provider Portal works at once.
    const facilities = await fetch(`${baseUrl}/api/v1/providers`, { headers: { authorization: `Bearer ${await tokenOf('maria')}` } });
    const demo = ((await facilities.json()) as { items: Array<{ name: string; users: Array<{ subject: string }> }> }).items;
    expect(demo.find((facility) => facility.name === 'Grace Hospital')?.users).toEqual([
      expect.objectContaining({ subject: await subjectOf('clinic'), username: 'clinic' }),
    ]);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    await expect(exited).resolves.toBe(0);
  });
});
