/**
 * The trusted ID issuer form: key rows read as typed (spaces and line breaks of a pasted key dropped, empty rows
 * not used), refused keys said by what their algorithm's key looks like, the summary linking each to its row, and
 * a stale save compared key list by key list.
 */
import { describe, expect, it } from '@jest/globals';
import { loadMessages } from '../../../../src/platform/i18n/catalogs.js';
import { linkIdIssuerErrors } from '../../../../src/web/admin/error-links.js';
import { idIssuerFieldMessages, readIdIssuerForm } from '../../../../src/web/admin/id-issuer-forms.js';
import { compareIdIssuerWithSaved } from '../../../../src/web/admin/stale-edit.js';

const en = loadMessages('locales').translatorFor('en');
const ED = 'ab'.repeat(32);
const EC = `04${'cd'.repeat(64)}`;

describe('the trusted ID issuer form', () => {
  it('reads the key rows typed, a pasted key without its spaces and line breaks, empty rows dropped', () => {
    const values = readIdIssuerForm({
      issuer: ' https://id.example.gov ',
      name: 'ID office',
      keyAlgorithm: ['ES256', 'EdDSA', 'EdDSA'],
      keyHex: [`${EC.slice(0, 50)}\r\n  ${EC.slice(50)}`, '  ', `${ED.slice(0, 8)} ${ED.slice(8)}`],
      version: '2',
    });
    expect(values).toEqual({
      issuer: 'https://id.example.gov',
      name: 'ID office',
      keys: [
        { algorithm: 'ES256', publicKeyHex: EC },
        { algorithm: 'EdDSA', publicKeyHex: ED },
      ],
      version: '2',
    });
  });

  it('says a refused key by its algorithm, and links each message to its row in the form order', () => {
    const values = readIdIssuerForm({ keyAlgorithm: ['EdDSA', 'ES256', 'RS256'], keyHex: [EC, ED, ED] });
    const messages = idIssuerFieldMessages(
      [
        { path: '/body/keys/1/publicKeyHex', message: 'is not a P-256 public key' },
        { path: '/body/keys/0/publicKeyHex', message: 'is not a Ed25519 public key' },
        { path: '/body/keys/2/algorithm', message: 'must be equal to one of the allowed values' },
        { path: '/body/name', message: 'must match pattern' },
      ],
      values,
      en,
    );
    expect(messages).toEqual({
      'keys.1.publicKeyHex': en('admin.fix.idIssuer.key.ES256'),
      'keys.0.publicKeyHex': en('admin.fix.idIssuer.key.EdDSA'),
      'keys.2.algorithm': 'Choose the algorithm of this key.',
      name: 'Enter a name (200 characters at most).',
    });
    expect(linkIdIssuerErrors({ ...messages, keys: 'Enter at least one public key (20 at most).' })).toEqual([
      { message: 'Enter a name (200 characters at most).', href: '#id-issuer-name' },
      { message: en('admin.fix.idIssuer.key.ES256'), href: '#id-issuer-key-1-hex' },
      { message: en('admin.fix.idIssuer.key.EdDSA'), href: '#id-issuer-key-0-hex' },
      { message: 'Choose the algorithm of this key.', href: '#id-issuer-key-2-algorithm' },
      { message: 'Enter at least one public key (20 at most).', href: '#id-issuer-key-0-hex' },
    ]);
  });

  it('compares a stale save with what is saved: the name, and the keys as a list whatever their case', () => {
    const saved = { issuer: 'https://id.example.gov', name: 'ID office', keys: [{ algorithm: 'EdDSA', publicKeyHex: ED }], version: '2' };
    expect(compareIdIssuerWithSaved({ ...saved, keys: [{ algorithm: 'EdDSA', publicKeyHex: ED.toUpperCase() }] }, saved, en)).toEqual({
      changes: [],
    });
    expect(
      compareIdIssuerWithSaved(
        { ...saved, name: 'National ID office', keys: [...saved.keys, { algorithm: 'ES256', publicKeyHex: EC }] },
        saved,
        en,
      ),
    ).toEqual({
      changes: [
        { label: 'Name', entered: 'National ID office', saved: 'ID office' },
        { label: 'Public keys', entered: `EdDSA ${ED}, ES256 ${EC}`, saved: `EdDSA ${ED}` },
      ],
    });
  });
});
