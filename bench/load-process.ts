/**
 * HTTP load from a process of its own, so the load generator never shares a thread with the app it measures
 * (the verification bench runs the app in its own process). `runLoad` forks this file; the child takes one
 * `LoadOptions` message, runs autocannon, sends back a `LoadOutcome` and exits.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  authorization?: string;
  /** POST (the default) sends `bodies`; GET asks for `paths`. */
  method?: 'GET' | 'POST';
  /** The body of the i-th request, taken in turn. */
  bodies?: string[];
  /** The path (and query) of the i-th request, taken in turn; the URL's own path when absent. */
  paths?: string[];
}

export interface LoadOutcome {
  ok: number;
  unexpected: number;
  /** Each response's latency in ms, sorted. */
  latencies: number[];
}

export function runLoad(options: LoadOptions): Promise<LoadOutcome> {
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let outcome: LoadOutcome | undefined;
    child.once('message', (message) => (outcome = message as LoadOutcome));
    child.once('error', reject);
    child.once('exit', (code) => (outcome ? resolve(outcome) : reject(new Error(`the load process exited with ${code} and no result`))));
    child.send(options);
  });
}

async function generate(options: LoadOptions): Promise<LoadOutcome> {
  let next = 0;
  const latencies: number[] = [];
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'POST',
    connections: options.connections,
    duration: options.seconds,
    headers: { 'content-type': 'application/json', ...(options.authorization ? { authorization: options.authorization } : {}) },
    requests: [
      {
        setupRequest: (request) => {
          const i = next++;
          return {
            ...request,
            ...(options.bodies ? { body: options.bodies[i % options.bodies.length] } : {}),
            ...(options.paths ? { path: options.paths[i % options.paths.length] } : {}),
          };
        },
      },
    ],
    setupClient: (client) => client.on('response', (_status: number, _bytes: number, time: number) => latencies.push(time)),
  });
  latencies.sort((a, b) => a - b);
  return { ok: result['2xx'], unexpected: result.non2xx + result.errors, latencies };
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  process.once('message', (options) => {
    generate(options as LoadOptions).then(
      (outcome) => process.send?.(outcome, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
