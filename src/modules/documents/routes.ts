import type { Request } from 'express';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { InputError } from '../../platform/http/errors.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { DocumentStore } from './document-store.js';
import { readDocument, readDocumentContent } from './read-document.js';
import type { DocumentReadPolicy } from './read-policy.js';
import { uploadDocument } from './upload-document.js';

export interface DocumentHandlersOptions {
  store: DocumentStore;
  /** Which officers may read a document through its application's program. */
  readPolicy: DocumentReadPolicy;
}

/** What multer's memory storage leaves in `req.files`. */
interface UploadedFile {
  fieldname: string;
  originalname: string;
  buffer: Buffer;
}

/** The validator has checked the form's fields; a `file` sent as text instead of a file still gets here. */
function uploadedFile(req: Pick<Request, 'files'>): UploadedFile {
  const file = ((req.files ?? []) as UploadedFile[]).find((f) => f.fieldname === 'file');
  if (!file) throw new InputError('Send the document as a file in the "file" field.', [{ path: '/body/file', message: 'must be a file' }]);
  return file;
}

export function createDocumentHandlers({ store, readPolicy }: DocumentHandlersOptions): OperationHandlers {
  return {
    async uploadDocument(req, res) {
      const file = uploadedFile(req);
      const document = await uploadDocument(store, {
        uploader: requirePrincipal(req),
        kind: req.body.kind,
        fileName: file.originalname,
        bytes: file.buffer,
      });
      res.status(201).location(`${req.baseUrl}/documents/${document.id}`).json(document);
    },

    async getDocument(req, res) {
      res.json(await readDocument(store, { documentId: req.params.documentId, reader: requirePrincipal(req), policy: readPolicy }));
    },

    async getDocumentContent(req, res) {
      const { document, bytes } = await readDocumentContent(store, {
        documentId: req.params.documentId,
        reader: requirePrincipal(req),
        policy: readPolicy,
      });
      // attachment() encodes the name (ASCII `filename`, UTF-8 `filename*`) but guesses a type from it: set ours after.
      res.attachment(document.fileName);
      res.setHeader('Content-Type', document.mediaType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // Personal (often medical) data: no shared caches, no script or plugin context if opened in place.
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      // Express answers 304 itself when If-None-Match matches this.
      res.setHeader('ETag', `"${document.sha256}"`);
      res.send(bytes);
    },
  };
}
