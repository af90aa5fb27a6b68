/**
 * Reads the documents step's multipart form (a kind, the CSRF token and one file) with the platform's
 * own `Response.formData()`, so the pages need no multipart dependency. Memory stays bounded: past the
 * cap the rest of the body is read and dropped, so the browser finishes sending and gets the answer
 * (a page that stopped reading would reset the connection and the person would see no message).
 */
import type { Request, RequestHandler } from 'express';

export interface UploadForm {
  fields: Record<string, string>;
  file: { name: string; bytes: Buffer } | undefined;
  /** The body was over the cap; nothing of it was kept. */
  tooLarge: boolean;
  /** The body was not a readable multipart form. */
  unreadable: boolean;
}

/** Room for the form's other fields and the multipart framing around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

const forms = new WeakMap<Request, UploadForm>();

export function uploadFormOf(req: Request): UploadForm {
  return forms.get(req) ?? { fields: {}, file: undefined, tooLarge: false, unreadable: true };
}

/** The body, or 'too-large' past the limit, or 'aborted' when the client went away mid-upload. */
async function readBody(req: Request, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    }
  } catch {
    return 'aborted';
  }
  return size <= limit ? Buffer.concat(chunks) : 'too-large';
}

async function parseForm(contentType: string, body: Buffer): Promise<Omit<UploadForm, 'tooLarge'>> {
  try {
    const data = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    const fields: Record<string, string> = {};
    let file: UploadForm['file'];
    for (const [name, value] of data) {
      if (typeof value === 'string') fields[name] ??= value;
      else if (name === 'file' && !file && value.name !== '') file = { name: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    return { fields, file, unreadable: false };
  } catch {
    return { fields: {}, file: undefined, unreadable: true };
  }
}

/** Middleware: reads the form, sets `req.body` to its text fields (for the CSRF check) and keeps the file. */
export function readUploadForm(maxFileBytes: number): RequestHandler {
  return async (req, _res, next) => {
    const contentType = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\s*;/i.test(contentType)) {
      forms.set(req, { fields: {}, file: undefined, tooLarge: false, unreadable: true });
      next();
      return;
    }
    const body = await readBody(req, maxFileBytes + FORM_OVERHEAD_BYTES);
    const form: UploadForm =
      body === 'too-large'
        ? { fields: {}, file: undefined, tooLarge: true, unreadable: false }
        : body === 'aborted'
          ? { fields: {}, file: undefined, tooLarge: false, unreadable: true }
          : { ...(await parseForm(contentType, body)), tooLarge: false };
    forms.set(req, form);
    req.body = form.fields;
    next();
  };
}
