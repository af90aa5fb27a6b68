/**
 * `npm run keys:rotate`: rotates the voucher issuer's key in the key file the configuration names
 * (ISSUER_KEY_FILE, or keys/issuer-keys.json in development). The new key signs from the next start; the old
 * one is kept, public half only, so the vouchers it signed verify until they expire. With ISSUER_KEYS (the
 * JSON in a setting), it prints the rotated JSON instead, to put in the setting.
 */
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { loadConfig } from '../src/config.js';
import { issuerKeysFitTable } from '../src/modules/vouchers/index.js';
import { loadIssuerKeys, parseIssuerKeyFile, rotateIssuerKey, serializeIssuerKeyFile } from '../src/platform/keys/index.js';

const config = loadConfig();
const source = config.issuerKeys;
const current = source.kind === 'setting' ? source.file : await loadKeyFile(source.path);
// Each key's DID needs its own number in the QR code's CBOR-LD table.
const rotated = await rotateIssuerKey(current, new Date(), { acceptable: (file) => issuerKeysFitTable(file.keys) });
const text = serializeIssuerKeyFile(rotated);
if (source.kind === 'setting') {
  process.stdout.write(text);
} else {
  const temporary = `${source.path}.rotating`;
  await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
  await chmod(temporary, 0o600);
  await rename(temporary, source.path);
  console.log(`issuer key rotated in ${source.path}; restart every instance to sign with the new key`);
}

async function loadKeyFile(path: string) {
  // Loading checks the current key the way a start would, before anything is rewritten.
  await loadIssuerKeys({ config: { kind: 'file', path, generate: false } });
  return parseIssuerKeyFile(await readFile(path, 'utf8'));
}
