import { Router } from 'express';
import { listPortalsFor } from '../modules/portals/index.js';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';

export function createHomeRoutes(): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const principal = req.session.principal;
    res.render('home.njk', { portals: principal ? listPortalsFor(principal.roles) : [] });
  });
  return router;
}

/** The API reference, rendered by Swagger UI from the live spec. */
export function createDocsRoutes(spec: OpenAPIV3.DocumentV3_1): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(spec);
  });
  router.get('/docs', (_req, res) => {
    res.render('docs.njk', { title: spec.info.title, version: spec.info.version });
  });
  return router;
}
