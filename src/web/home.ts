import { Router } from 'express';
import { stringify } from 'yaml';
import { listPortalsFor } from '../modules/portals/index.js';
import { presentApiReference } from './api-reference/present-reference.js';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';

export function createHomeRoutes(): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const principal = req.session.principal;
    res.render('home.njk', { portals: principal ? listPortalsFor(principal.roles) : [] });
  });
  return router;
}

/** The API reference, rendered on the server from the bundled contract, which is also served as one JSON or YAML file. */
export function createDocsRoutes(spec: OpenAPIV3.DocumentV3_1): Router {
  const router = Router();
  const reference = presentApiReference(spec);
  const json = JSON.stringify(spec);
  // Plain YAML: no anchors and aliases where the bundle shares an object.
  const yaml = stringify(spec, { aliasDuplicateObjects: false });
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(json);
  });
  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(yaml);
  });
  router.get('/docs', (_req, res) => {
    res.render('docs.njk', { reference });
  });
  return router;
}
