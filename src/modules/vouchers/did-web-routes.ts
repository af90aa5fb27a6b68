/**
 * `/.well-known/did.json`: the issuer's did:web document, when the deployment's public URL is an https
 * origin (see platform/keys/did-web.ts); elsewhere there is no such page. Public and cacheable.
 */
import express, { type Router } from 'express';
import { didWebDocumentOf, didWebOf, type IssuerKeySet } from '../../platform/keys/index.js';

export function createDidWebRoutes(publicUrl: string, keys: IssuerKeySet): Router {
  const router = express.Router();
  const did = didWebOf(publicUrl);
  if (!did) return router;
  const body = JSON.stringify(didWebDocumentOf(did, keys.keys));
  router.get('/.well-known/did.json', (_req, res) => {
    res
      .set({ 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' })
      .type('application/did+json')
      .send(body);
  });
  return router;
}
