/**
 * Serves our JSON-LD context at `/contexts/voucher/v1` on every deployment, byte for byte the file the
 * document loader uses. Public, cacheable for good (a published version never changes), and readable by
 * JSON-LD processors running in other sites' pages.
 */
import { readFileSync } from 'node:fs';
import express, { type Router } from 'express';
import { VOUCHER_CONTEXT_FILE } from './voucher-context.js';

export const VOUCHER_CONTEXT_PATH = '/contexts/voucher/v1';

export function createContextRoutes(): Router {
  const body = readFileSync(VOUCHER_CONTEXT_FILE);
  const router = express.Router();
  router.get(VOUCHER_CONTEXT_PATH, (_req, res) => {
    res
      .set({
        'Cache-Control': 'public, max-age=31536000, immutable',
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
      })
      .type('application/ld+json')
      .send(body);
  });
  return router;
}
