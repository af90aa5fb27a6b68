/**
 * Where the issuer's keys come from (see `IssuerKeysConfig`): a setting, a file, or, in development only,
 * a file generated on first start.
 */
import { readFile } from 'node:fs/promises';
import { createKeyFile } from './create-key-file.js';
import { createIssuerKeySet, generateIssuerKeyFile, type IssuerKeySet } from './issuer-key-set.js';
import { IssuerKeyFileError, parseIssuerKeyFile, serializeIssuerKeyFile, type IssuerKeyFile } from './key-file.js';
import type { Clock } from './signer.js';

export type IssuerKeysConfig =
  /** The key file's JSON, from the ISSUER_KEYS setting (already parsed when the config was read). */
  | { kind: 'setting'; file: IssuerKeyFile }
  /** A key file; `generate` makes one when it is missing (development only: instances must share one key). */
  | { kind: 'file'; path: string; generate: boolean };

export interface LoadIssuerKeysOptions {
  config: IssuerKeysConfig;
  /** Dates a generated key. Default: the system clock. */
  now?: Clock;
}

export interface LoadIssuerKeysResult {
  keySet: IssuerKeySet;
  /** True when this start generated the key file. */
  created: boolean;
}

export async function loadIssuerKeys(options: LoadIssuerKeysOptions): Promise<LoadIssuerKeysResult> {
  const { config } = options;
  if (config.kind === 'setting') return { keySet: await createIssuerKeySet(config.file), created: false };
  const stored = await readKeyFile(config.path);
  if (stored) return { keySet: await createIssuerKeySet(stored), created: false };
  if (!config.generate) throw new IssuerKeyFileError(`${config.path} does not exist`);
  const file = await generateIssuerKeyFile((options.now ?? (() => new Date()))());
  if (!(await createKeyFile(config.path, serializeIssuerKeyFile(file)))) {
    // Another process started at the same moment and put its key file there first: everyone uses that one.
    const winner = await readKeyFile(config.path);
    if (!winner) throw new IssuerKeyFileError(`${config.path} vanished while it was being created`);
    return { keySet: await createIssuerKeySet(winner), created: false };
  }
  return { keySet: await createIssuerKeySet(file), created: true };
}

async function readKeyFile(path: string): Promise<IssuerKeyFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return parseIssuerKeyFile(text);
  } catch (error) {
    if (error instanceof IssuerKeyFileError) throw new IssuerKeyFileError(`${path}: ${error.message}`);
    throw error;
  }
}
