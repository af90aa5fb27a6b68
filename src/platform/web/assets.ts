/** Static assets served from node_modules and views/assets (no CDN). */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';
import { sendFavicon } from './favicon.js';

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

export function createAssetRoutes(viewsDir: string): Router {
  const router = Router();
  router.get('/favicon.ico', sendFavicon);
  const cache = { maxAge: '1h', immutable: false, index: false } as const;
  router.get('/assets/htmx.min.js', (_req, res) => {
    res.sendFile(path.join(packageDir('htmx.org'), 'dist', 'htmx.min.js'), { maxAge: '1h' });
  });
  // The scanner page decodes photos and camera frames of QR codes in the browser.
  router.get('/assets/vendor/jsQR.js', (_req, res) => {
    res.sendFile(path.join(packageDir('jsqr'), 'dist', 'jsQR.js'), { maxAge: '1h' });
  });
  // The dashboards draw their charts with Chart.js (views/assets/dashboards.js).
  router.get('/assets/vendor/chart.umd.js', (_req, res) => {
    // chart.js exports no package.json; its main entry sits in dist/ beside the UMD build.
    res.sendFile(path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'), { maxAge: '1h' });
  });
  router.use('/assets', express.static(path.join(viewsDir, 'assets'), cache));
  return router;
}
