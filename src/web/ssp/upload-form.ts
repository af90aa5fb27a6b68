/**
 * Reads the documents step's multipart form (a kind, the CSRF token and one file) with the platform's
 * own `Response.formData()`, so the pages need no multipart dependency. Past the cap (declared or
 * counted) nothing more is read: the page answers with its message and closes the connection (see
 * oversize-body.ts), so a browser sending a huge file stops instead of sending it all.
 */
import type { Request, RequestHandler, Response } from 'express';
import { FORM_OVERHEAD_BYTES, stopReadingBody, watchBodyLimit } from '../../platform/http/oversize-body.js';

export interface UploadForm {
  /** Each text field's first value. */
  fields: Record<string, string>;
  /** Every value of each text field (checkboxes of one name). */
  values: Record<string, string[]>;
  file: { name: string; bytes: Buffer } | undefined;
  /** The body was over the cap; nothing of it was kept. */
  tooLarge: boolean;
  /** The body was not a readable multipart form. */
  unreadable: boolean;
}

const forms = new WeakMap<Request, UploadForm>();

export function uploadFormOf(req: Request): UploadForm {
  return forms.get(req) ?? { fields: {}, values: {}, file: undefined, tooLarge: false, unreadable: true };
}

/** The body, or 'too-large' as soon as it passes the limit (reading stops there), or 'aborted' when the client went away. */
async function readBody(req: Request, res: Response, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const collect = (chunk: Buffer) => chunks.push(chunk);
    const settle = (outcome: Buffer | 'too-large' | 'aborted') => {
      req.off('data', collect);
      req.off('end', onEnd);
      req.off('error', onAborted);
      req.off('close', onAborted);
      resolve(outcome);
    };
    const onEnd = () => settle(Buffer.concat(chunks));
    const onAborted = () => settle('aborted');
    req.on('data', collect);
    req.once('end', onEnd);
    req.once('error', onAborted);
    req.once('close', onAborted);
    // After the listeners: a declared length over the limit settles at once, before any byte is read.
    watchBodyLimit(req, limit, (read) => {
      settle('too-large');
      stopReadingBody(req, res, read);
    });
  });
}

async function parseForm(contentType: string, body: Buffer): Promise<Omit<UploadForm, 'tooLarge'>> {
  try {
    const data = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    const fields: Record<string, string> = {};
    const values: Record<string, string[]> = {};
    let file: UploadForm['file'];
    for (const [name, value] of data) {
      if (typeof value === 'string') {
        fields[name] ??= value;
        (values[name] ??= []).push(value);
      } else if (name === 'file' && !file && value.name !== '') file = { name: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    return { fields, values, file, unreadable: false };
  } catch {
    return { fields: {}, values: {}, file: undefined, unreadable: true };
  }
}

/** Middleware: reads the form, sets `req.body` to its text fields (for the CSRF check) and keeps the file. */
export function readUploadForm(maxFileBytes: number): RequestHandler {
  return async (req, res, next) => {
    const contentType = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\s*;/i.test(contentType)) {
      forms.set(req, { fields: {}, values: {}, file: undefined, tooLarge: false, unreadable: true });
      next();
      return;
    }
    const body = await readBody(req, res, maxFileBytes + FORM_OVERHEAD_BYTES);
    const form: UploadForm =
      body === 'too-large'
        ? { fields: {}, values: {}, file: undefined, tooLarge: true, unreadable: false }
        : body === 'aborted'
          ? { fields: {}, values: {}, file: undefined, tooLarge: false, unreadable: true }
          : { ...(await parseForm(contentType, body)), tooLarge: false };
    forms.set(req, form);
    req.body = form.fields;
    next();
  };
}
