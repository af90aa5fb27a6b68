/**
 * Trusted ID issuers (`/admin/id-issuers`, role program-manager): whose ID QR codes applicants may verify their
 * identity with, and with which public keys. Those set in the server's settings are listed, read-only; the program
 * manager adds, edits (with the version the page holds: a stale save is shown beside what is saved now) and removes
 * (asked, then confirmed) the others, each through the identity service as the signed-in person. A refused form keeps
 * everything typed.
 */
import { Router, type Request, type Response } from 'express';
import type { IdentityService } from '../../modules/identity/index.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import { isUuid } from '../../platform/http/uuid.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { actorOf } from './context.js';
import { linkIdIssuerErrors } from './error-links.js';
import { FormInputError, text, type FieldMessages, type FormBody } from './forms.js';
import {
  KEY_ALGORITHMS,
  MAX_KEYS,
  emptyIdIssuerForm,
  idIssuerFieldMessages,
  idIssuerFormValues,
  isKeyRefusal,
  keyRowsSent,
  readIdIssuerForm,
  toIdIssuerInput,
  toIdIssuerUpdate,
  type IdIssuer,
  type IdIssuerFormValues,
} from './id-issuer-forms.js';
import { attempt, type Refusal } from './outcome.js';
import { compareIdIssuerWithSaved, type StaleEdit } from './stale-edit.js';
import type { SchemaValidator } from '../../platform/http/schema-validator.js';

export type IdIssuerOperations = Pick<
  IdentityService,
  'listIdIssuers' | 'getIdIssuer' | 'createIdIssuer' | 'updateIdIssuer' | 'deleteIdIssuer'
>;

/** What a redirect after a change may announce (`?notice=`), and its words. */
const NOTICES: Record<string, string> = {
  added: 'admin.idIssuers.notice.added',
  saved: 'admin.idIssuers.notice.saved',
  removed: 'admin.idIssuers.notice.removed',
  discarded: 'admin.idIssuers.notice.discarded',
};

interface IdIssuersView {
  /** The issuer being edited; absent for a new one. */
  editing?: IdIssuer;
  form: { values: IdIssuerFormValues; errors: FieldMessages };
  notice?: string;
  alert?: string;
  /** The change was made on a stale version: the form holds what was typed, against the current version. */
  staleEdit?: StaleEdit;
  /** The issuer the manager asked to remove: the page asks to confirm. */
  removing?: IdIssuer;
  /** Empty key rows after those typed: one to add a key, more after "Add another key". */
  blankRows?: number;
  /** The row "Add another key" added: focus starts there. */
  focusRow?: number;
}

function noticeOf(req: Request): string | undefined {
  const key = typeof req.query.notice === 'string' ? NOTICES[req.query.notice] : undefined;
  return key === undefined ? undefined : req.t(key);
}

/** The empty rows sent, and one more, where focus starts. */
const withAnotherKeyRow = (body: FormBody, values: IdIssuerFormValues) => ({
  blankRows: keyRowsSent(body) - values.keys.length + 1,
  focusRow: keyRowsSent(body),
});

const algorithmShown = (algorithm: string, t: Translate) => {
  const known = KEY_ALGORITHMS.find((entry) => entry.value === algorithm);
  return known ? t(known.key) : algorithm;
};

/** `schemas`: the contract's, so the form is checked exactly as the API checks the same input. */
export function createIdIssuerPages(identity: IdIssuerOperations, schemas: () => Promise<SchemaValidator>): Router {
  const router = Router();

  async function render(req: Request, res: Response, view: IdIssuersView, status = 200): Promise<void> {
    const issuers = await identity.listIdIssuers(actorOf(req));
    const { values } = view.form;
    // The rows typed, and one more to add a key (up to the contract's limit).
    const blanks = Math.max(0, Math.min(view.blankRows ?? 1, MAX_KEYS - values.keys.length));
    const rows = [...values.keys, ...Array.from({ length: blanks }, () => ({ algorithm: 'EdDSA', publicKeyHex: '' }))];
    res.status(status).render('admin/id-issuers.njk', {
      ...view,
      rows: issuers.map((issuer) => ({
        ...issuer,
        keysShown: issuer.keys.map((key) => ({ algorithm: algorithmShown(key.algorithm, req.t), publicKeyHex: key.publicKeyHex })),
      })),
      keyRows: rows,
      maxKeys: MAX_KEYS,
      algorithms: KEY_ALGORITHMS.map((entry) => ({ value: entry.value, label: req.t(entry.key) })),
      errorList: linkIdIssuerErrors(view.form.errors),
    });
  }

  /** An issuer the program manager added (those of the settings have no id and are not changed here). */
  async function findIssuer(req: Request): Promise<IdIssuer> {
    const id = req.params.issuerId;
    if (!isUuid(id)) throw new NotFoundError(req.t('admin.notFound.idIssuer'));
    try {
      return await identity.getIdIssuer(actorOf(req), id);
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError(req.t('admin.notFound.idIssuer'));
      throw error;
    }
  }

  /** The service's refusal of a key or of an issuer trusted already, told next to its field. */
  async function saving<T>(req: Request, values: IdIssuerFormValues, save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (isKeyRefusal(error)) {
        const messages = idIssuerFieldMessages(error.fields, values, req.t);
        throw new FormInputError(
          req.t('admin.fix.form'),
          Object.entries(messages).map(([key, message]) => ({ path: `/body/${key.split('.').join('/')}`, message })),
        );
      }
      throw error;
    }
  }

  const issuerTaken = (error: unknown) => error instanceof AppError && error.code === 'ERR_ID_ISSUER_EXISTS';

  router.get('/id-issuers', async (req, res) => {
    await render(req, res, { form: { values: emptyIdIssuerForm(), errors: {} }, notice: noticeOf(req) });
  });

  router.get('/id-issuers/:issuerId', async (req, res) => {
    const issuer = await findIssuer(req);
    await render(req, res, { editing: issuer, form: { values: idIssuerFormValues(issuer), errors: {} }, notice: noticeOf(req) });
  });

  router.post('/id-issuers', async (req, res) => {
    const values = readIdIssuerForm(req.body as FormBody);
    // "Add another key" sends the form to come back with one more row, saving nothing.
    if (text(req.body as FormBody, 'step') === 'add-key') {
      await render(req, res, { form: { values, errors: {} }, ...withAnotherKeyRow(req.body as FormBody, values) });
      return;
    }
    const validator = await schemas();
    try {
      const outcome = await attempt(
        () => saving(req, values, () => identity.createIdIssuer(actorOf(req), toIdIssuerInput(values, validator, req.t))),
        req,
      );
      if (outcome.ok) {
        res.redirect(303, '/admin/id-issuers?notice=added');
        return;
      }
      await render(req, res, { form: { values, errors: outcome.refusal.fields }, alert: outcome.refusal.message }, outcome.refusal.status);
    } catch (error) {
      if (!issuerTaken(error)) throw error;
      await render(req, res, { form: { values, errors: { issuer: req.t('admin.idIssuers.issuerTaken') } } }, 409);
    }
  });

  router.post('/id-issuers/:issuerId', async (req, res) => {
    const id = req.params.issuerId;
    if (!isUuid(id)) throw new NotFoundError(req.t('admin.notFound.idIssuer'));
    const typed = readIdIssuerForm(req.body as FormBody);
    let issuer: IdIssuer;
    try {
      issuer = await findIssuer(req);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      // Removed by someone else meanwhile: what was typed comes back as a new issuer to add, if it should be.
      await render(
        req,
        res,
        { form: { values: { ...typed, version: '' }, errors: {} }, alert: req.t('admin.idIssuers.goneWhileEditing') },
        404,
      );
      return;
    }
    // The issuer is set once: the one saved, whatever was sent.
    const values = { ...typed, issuer: issuer.issuer };
    if (text(req.body as FormBody, 'step') === 'add-key') {
      await render(req, res, { editing: issuer, form: { values, errors: {} }, ...withAnotherKeyRow(req.body as FormBody, values) });
      return;
    }
    const validator = await schemas();
    const outcome = await attempt(
      () =>
        saving(req, values, () => identity.updateIdIssuer(actorOf(req), issuer.id as string, toIdIssuerUpdate(values, validator, req.t))),
      req,
    );
    if (outcome.ok) {
      res.redirect(303, '/admin/id-issuers?notice=saved');
      return;
    }
    await render(req, res, await refusedChange(req, values, outcome.refusal), outcome.refusal.status);
  });

  /**
   * The form keeps what was typed. After a conflict it is sent against the current version next time, and shown
   * beside the issuer as it is now; otherwise it comes with the errors.
   */
  async function refusedChange(req: Request, values: IdIssuerFormValues, refusal: Refusal): Promise<IdIssuersView> {
    const issuer = await findIssuer(req);
    if (refusal.conflict) {
      const resend = { ...values, version: String(issuer.version) };
      return {
        editing: issuer,
        form: { values: resend, errors: {} },
        staleEdit: compareIdIssuerWithSaved(resend, idIssuerFormValues(issuer), req.t),
      };
    }
    return { editing: issuer, form: { values, errors: refusal.fields }, alert: refusal.message };
  }

  // The row's button asks (`step` absent); the confirmation's button removes (`step=confirm`).
  router.post('/id-issuers/:issuerId/removal', async (req, res) => {
    const empty = { values: emptyIdIssuerForm(), errors: {} };
    let issuer: IdIssuer;
    try {
      issuer = await findIssuer(req);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      await render(req, res, { form: empty, alert: req.t('admin.idIssuers.remove.gone') }, 404);
      return;
    }
    if (text(req.body as FormBody, 'step') !== 'confirm') {
      await render(req, res, { form: empty, removing: issuer });
      return;
    }
    try {
      await identity.deleteIdIssuer(actorOf(req), issuer.id as string);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      await render(req, res, { form: empty, alert: req.t('admin.idIssuers.remove.gone') }, 404);
      return;
    }
    res.redirect(303, '/admin/id-issuers?notice=removed');
  });

  return router;
}
