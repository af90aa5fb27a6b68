import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  createDocumentLoader,
  DocumentNotBundledError,
  VOUCHER_CONTEXT_FILE,
  VOUCHER_CONTEXT_URL,
} from '../../../../src/modules/vouchers/index.js';

const KEY = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';

describe('the document loader', () => {
  const load = createDocumentLoader();

  it.each([
    'https://www.w3.org/2018/credentials/v1',
    'https://www.w3.org/ns/credentials/v2',
    'https://w3id.org/security/data-integrity/v1',
    'https://w3id.org/security/data-integrity/v2',
    'https://w3id.org/security/multikey/v1',
    'https://www.w3.org/ns/did/v1',
    'https://www.w3.org/ns/credentials/status/v1',
  ])('answers %s from the bundled copy', async (url) => {
    const { document, documentUrl } = await load(url);
    expect(documentUrl).toBe(url);
    expect(document).toHaveProperty('@context');
  });

  it('answers our voucher context from contexts/, protected', async () => {
    const { document } = await load(VOUCHER_CONTEXT_URL);
    expect(document).toEqual(JSON.parse(readFileSync(VOUCHER_CONTEXT_FILE, 'utf8')));
    expect((document as { '@context': Record<string, unknown> })['@context']['@protected']).toBe(true);
  });

  it('computes a did:key document and its verification method without a network', async () => {
    const { document } = await load(`did:key:${KEY}`);
    expect(document).toMatchObject({ id: `did:key:${KEY}`, assertionMethod: [`did:key:${KEY}#${KEY}`] });
    const { document: method } = await load(`did:key:${KEY}#${KEY}`);
    expect(method).toMatchObject({ type: 'Multikey', controller: `did:key:${KEY}`, publicKeyMultibase: KEY });
  });

  it.each([
    'https://www.w3.org/ns/credentials/examples/v2',
    'https://iaod.example.org/status-lists/1/revocation',
    'http://169.254.169.254/latest/meta-data/',
    'did:web:iaod.example.org',
    'did:key:zDnaeZSD9XcuULaS8qmgDUa6TMg2QjF9xABnZK42awDH3BEzj',
    `did:key:${KEY.slice(0, 20)}`,
  ])('refuses %s, never fetching it', async (url) => {
    await expect(load(url)).rejects.toThrow(DocumentNotBundledError);
    await expect(load(url)).rejects.toMatchObject({ code: 'ERR_DOCUMENT_NOT_BUNDLED', url });
  });
});
