import { Router } from 'express';

/**
 * The privacy notice in plain words, in the page's language, open to everyone (signed in or not): a person
 * reads it before they apply. The full notice, with the tables and fields, is docs/privacy.md.
 */
export function createPrivacyRoutes(): Router {
  const router = Router();
  router.get('/privacy', (_req, res) => {
    res.render('privacy.njk');
  });
  return router;
}
