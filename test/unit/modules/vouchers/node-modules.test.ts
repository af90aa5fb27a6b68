import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../../../src/config.js';

describe('the voucher libraries under plain Node', () => {
  // Jest resolves CommonJS packages more leniently than Node: a named import of jsonld-signatures passed
  // every Jest test and failed at the first real verification.
  it('sign, encode, decode, verify and print a voucher as the service runs them', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join('test', 'support', 'voucher-round-trip.ts')],
      {
        cwd: PROJECT_ROOT,
        timeout: 60_000,
      },
    );
    expect(JSON.parse(stdout)).toEqual({ verified: true, failures: [], bytes: expect.any(Number), png: true, svg: true, pdfQr: true });
  });
});
