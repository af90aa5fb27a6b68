import { Router, type Request } from 'express';
import { stringify } from 'yaml';
import { listPortalsFor } from '../modules/portals/index.js';
import { ROLES, type Role } from '../platform/auth/principal.js';
import { presentApiReference } from './api-reference/present-reference.js';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';

export interface HomeRoutesOptions {
  /** The paths of the portals whose pages this app serves; the other portals are not open yet. */
  openPortalPaths: readonly string[];
}

/**
 * The start page lists the portals of the signed-in person's roles: an open one is a link, one whose
 * pages do not exist yet says what it will do and is not a link. Its address answers the same, not "not found".
 */
export function createHomeRoutes(options: HomeRoutesOptions): Router {
  const router = Router();
  const isOpen = (href: string) => options.openPortalPaths.includes(href);
  // The portal's words in the page's language (the API's portal catalogue stays in English, like its other descriptions).
  const portalsFor = (req: Request, roles: readonly Role[]) =>
    listPortalsFor(roles).map((portal) => ({
      ...portal,
      title: req.t(`portal.${portal.id}.title`),
      description: req.t(`portal.${portal.id}.description`),
      open: isOpen(portal.href),
    }));
  router.get('/', (req, res) => {
    const principal = req.session.principal;
    const portals = principal ? portalsFor(req, principal.roles) : [];
    res.render('home.njk', { portals, openPortals: portals.filter((portal) => portal.open) });
  });
  const pendingPaths = new Set(listPortalsFor(ROLES).flatMap((portal) => (isOpen(portal.href) ? [] : [portal.href])));
  for (const href of pendingPaths) {
    router.get(href, (req, res) => {
      const principal = req.session.principal;
      res.render('portal-pending.njk', {
        pending: portalsFor(req, ROLES).filter((portal) => portal.href === href),
        openPortals: principal ? portalsFor(req, principal.roles).filter((portal) => portal.open) : [],
      });
    });
  }
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
