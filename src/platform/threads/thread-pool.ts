/**
 * Threads beside the main one for CPU-bound work (signing and encoding vouchers), so a bulk operation uses
 * every core and the main thread keeps answering requests. A module hands a task to a file of its own
 * (`run(new URL('./x-thread.ts', import.meta.url), task)`); the file's `runOnThread` export does the work with
 * what the pool's `workerData` gives every thread. Without threads (`size` 0) the caller does the work itself.
 */
import { Piscina } from 'piscina';
import type { IssuerKeyFile } from '../keys/index.js';

/** What every thread of the runtime's pool is given: the keys to sign with, the address status lists are served at. */
export interface ThreadData {
  issuerKeys: IssuerKeyFile;
  publicUrl: string;
}

export interface ThreadPool {
  /** Threads at most; 0 means the caller's own thread does the work. */
  readonly size: number;
  /** Runs the `runOnThread` export of `file` with `task` on a free thread; its result or its error comes back. */
  run<T>(file: URL, task: unknown): Promise<T>;
  /** Lets running tasks finish, then ends the threads. */
  stop(): Promise<void>;
}

export interface StartThreadPoolOptions {
  size: number;
  /** What every thread is given once (cloned into each). */
  workerData: ThreadData;
  /** How long an idle thread stays before it ends; a new task starts one again. Default 60 s. */
  idleTimeoutMs?: number;
  /** A fault of the pool itself (not a task's error, which its caller gets): reported, never a crash. */
  onError: (error: Error) => void;
}

/** Every thread starts here and loads the task's TypeScript file itself (see the file). */
const THREAD_ENTRY = new URL('./thread-entry.mjs', import.meta.url).href;

export function startThreadPool(options: StartThreadPoolOptions): ThreadPool {
  if (options.size === 0) {
    return {
      size: 0,
      run: () => Promise.reject(new TypeError('this pool has no threads: do the work on the calling thread')),
      stop: async () => {},
    };
  }
  const piscina = new Piscina({
    minThreads: 0,
    maxThreads: options.size,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
    workerData: options.workerData,
    filename: THREAD_ENTRY,
    name: 'runTask',
  });
  piscina.on('error', options.onError);
  return {
    size: options.size,
    run: <T>(file: URL, task: unknown) => piscina.run({ file: file.href, task }) as Promise<T>,
    stop: () => piscina.close(),
  };
}
