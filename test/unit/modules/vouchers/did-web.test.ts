import { describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { createDidWebRoutes } from '../../../../src/modules/vouchers/index.js';
import { createIssuerKeySet, generateIssuerKeyFile, rotateIssuerKey } from '../../../../src/platform/keys/index.js';

const NOW = new Date('2026-12-02T08:00:00Z');

async function appFor(publicUrl: string) {
  const rotated = await rotateIssuerKey(await generateIssuerKeyFile(NOW), NOW);
  const keys = await createIssuerKeySet(rotated);
  const app = express();
  app.use(createDidWebRoutes(publicUrl, keys));
  return { app, keys };
}

describe('the did:web document', () => {
  it('lists the current and the retired key under did:web of the public host, each also known by its did:key', async () => {
    const { app, keys } = await appFor('https://iaod.example.org');
    const res = await request(app).get('/.well-known/did.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/did\+json/);
    const document = JSON.parse(res.text) as { id: string; alsoKnownAs: string[]; verificationMethod: Array<Record<string, string>> };
    expect(document.id).toBe('did:web:iaod.example.org');
    expect(document.alsoKnownAs).toEqual(keys.keys.map((key) => key.did));
    expect(document.verificationMethod).toEqual(
      keys.keys.map((key) => ({
        id: `did:web:iaod.example.org#${key.publicKeyMultibase}`,
        type: 'Multikey',
        controller: 'did:web:iaod.example.org',
        publicKeyMultibase: key.publicKeyMultibase,
      })),
    );
  });

  it('writes a port into the DID as did:web requires', async () => {
    const { app } = await appFor('https://iaod.example.org:8443');
    expect(JSON.parse((await request(app).get('/.well-known/did.json')).text).id).toBe('did:web:iaod.example.org%3A8443');
  });

  it('is not served where the public URL is not an https origin', async () => {
    for (const url of ['http://localhost:3000', 'https://example.org/iaod']) {
      const { app } = await appFor(url);
      expect((await request(app).get('/.well-known/did.json')).status).toBe(404);
    }
  });
});
