/** The service's icon (a white cross on blue), served by the app and by the development provider at /favicon.ico. */
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';

const FAVICON = readFileSync(new URL('./favicon.ico', import.meta.url));

export const sendFavicon: RequestHandler = (_req, res) => {
  res.set('Cache-Control', 'public, max-age=86400').type('image/x-icon').send(FAVICON);
};
