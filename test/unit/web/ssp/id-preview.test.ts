/**
 * The verify-ID page's preview script, built for the browser as the page gets it and run here (Node has the
 * browser's DecompressionStream): every valid Claim 169 vector decodes to the fields the server's check gives, and a
 * code it cannot read (a credential, an encrypted or damaged code) gives no preview, so the page sends it at once.
 */
import { describe, expect, it } from '@jest/globals';
import { verifyIdQr } from '../../../../src/modules/identity/verify-id-qr.js';
import { ID_PREVIEW_GLOBAL, idPreviewScript } from '../../../../src/web/ssp/id-preview/build-id-preview.js';
import type { IdPreview } from '../../../../src/web/ssp/id-preview/preview-id.js';
import { generateIdSigningKey, readClaim169Vectors, signIdCard } from '../../../support/id-qr-codes.js';
import { generateIdCredentialKey, idCredentialQr, signIdCredential } from '../../../support/id-credentials.js';

async function loadPreview(): Promise<{ previewIdQr(text: string): Promise<IdPreview | undefined> }> {
  const script = `${(await idPreviewScript()).code}; return ${ID_PREVIEW_GLOBAL};`;
  // `self` and `window` are the browser's global object; here, Node's.
  return new Function('self', 'window', script)(globalThis, globalThis);
}

describe('the ID preview script of the verify-ID page', () => {
  it('is a small script with no Node API in it', async () => {
    const { code } = await idPreviewScript();
    expect(code.length).toBeLessThan(64 * 1024);
    expect(code).not.toMatch(/require\(["']node:|readFileSync/);
  });

  it('shows the fields the server verifies, for a code signed by a trusted issuer', async () => {
    const preview = await loadPreview();
    const key = generateIdSigningKey('EdDSA');
    const text = signIdCard({
      issuer: 'https://id.example.gov',
      key,
      claims: { id: 'NID-8080', firstName: 'Nadia', lastName: 'Haddad', dateOfBirth: '19880704', gender: 2, address: '4 Cedar Lane' },
    });
    const verified = await verifyIdQr(text, {
      trustedIssuers: [
        { issuer: 'https://id.example.gov', name: 'ID office', keys: [{ algorithm: 'EdDSA', publicKeyHex: key.publicKeyHex }] },
      ],
      decryptionKeys: [],
      now: new Date(),
    });
    const { format: _format, issuer: _issuer, expiresAt: _expiresAt, ...fields } = verified;
    expect(await preview.previewIdQr(text)).toEqual(fields);
  });

  it('decodes every valid unencrypted conformance vector to its ID number', async () => {
    const preview = await loadPreview();
    const vectors = readClaim169Vectors().filter((vector) => vector.category === 'valid' && !vector.encryption_key);
    expect(vectors.length).toBeGreaterThan(0);
    for (const vector of vectors) {
      const expected = (vector.expected_claim169 as { id?: string } | undefined)?.id;
      expect([vector.name, (await preview.previewIdQr(vector.qr_data))?.idNumber]).toEqual([vector.name, expected]);
    }
  });

  it('gives no preview for what it cannot read: an encrypted vector, a credential, a damaged code', async () => {
    const preview = await loadPreview();
    const encrypted = readClaim169Vectors().find((vector) => vector.encryption_key);
    if (encrypted) expect(await preview.previewIdQr(encrypted.qr_data)).toBeUndefined();
    const key = await generateIdCredentialKey();
    const credential = await idCredentialQr(await signIdCredential({ key, subject: { idNumber: 'NID-1' } }));
    expect(await preview.previewIdQr(credential)).toBeUndefined();
    expect(await preview.previewIdQr('NCFOXN%TS3DH')).toBeUndefined();
  });
});
