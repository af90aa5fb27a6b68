/**
 * Refusing a request body over its limit without reading the rest of it. Node's HTTP server reads and
 * drops whatever body a handler left unread once the answer is sent (and multer drains the form before
 * it reports a limit), so a 300 MiB upload used to be read to its end before its 413. Here the body
 * stops being read at the limit, the answer says `Connection: close`, and once it has been written the
 * socket is destroyed, so the client's next writes fail and it stops sending.
 */
import type { Request, Response } from 'express';

/** Room for a form's other fields and the multipart framing around its file. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

const refused = new WeakSet<Request>();

/** The body length the client declared, or undefined when it sends chunks (or a value that is no length). */
export function declaredBodyLength(req: Request): number | undefined {
  const header = req.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}

/**
 * Calls `onOver` once, as soon as more than `limit` bytes of the body have arrived (at once when the
 * declared length is over it); the bytes keep flowing to whoever else reads the request until then.
 */
export function watchBodyLimit(req: Request, limit: number, onOver: () => void): void {
  const declared = declaredBodyLength(req);
  if (declared !== undefined && declared > limit) {
    onOver();
    return;
  }
  let received = 0;
  const count = (chunk: Buffer) => {
    received += chunk.length;
    if (received > limit) {
      req.off('data', count);
      onOver();
    }
  };
  req.on('data', count);
}

/**
 * Stops reading the body where it stands and arranges for the connection to close once the answer
 * (which the caller sends next) has been written. Nothing of the body is kept, so nothing is stored.
 */
export function stopReadingBody(req: Request, res: Response): void {
  refused.add(req);
  req.unpipe();
  req.pause();
  res.setHeader('Connection', 'close');
  res.once('finish', () => req.socket.destroy());
  // The client may also go away first; nothing is left to answer then.
  res.once('close', () => req.socket.destroy());
}

/** Whether this request's body was refused by `stopReadingBody` (its answer is already on its way). */
export function isBodyRefused(req: Request): boolean {
  return refused.has(req);
}
