/**
 * Refusing a request body over its limit without reading the rest of it. Node's HTTP server reads and
 * drops whatever body a handler left unread once the answer is sent (and multer drains the form before
 * it reports a limit), so a 300 MiB upload used to be read to its end before its 413. Here the body
 * stops being read at the limit, the answer says `Connection: close`, and once it has been written the
 * connection is closed, so the client stops sending.
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

/** How much of a refused body had been read: none (its declared length was over), or part of it. */
export type BodyReadSoFar = 'none' | 'part';

/**
 * Calls `onOver` once, as soon as more than `limit` bytes of the body have arrived (at once, before any
 * is read, when the declared length is over it); the bytes keep flowing to whoever else reads until then.
 */
export function watchBodyLimit(req: Request, limit: number, onOver: (read: BodyReadSoFar) => void): void {
  const declared = declaredBodyLength(req);
  if (declared !== undefined && declared > limit) {
    onOver('none');
    return;
  }
  let received = 0;
  const count = (chunk: Buffer) => {
    received += chunk.length;
    if (received > limit) {
      req.off('data', count);
      onOver('part');
    }
  };
  req.on('data', count);
}

/**
 * How long a refused connection stays half-open after its answer when the client was already sending:
 * long enough for it to read the answer, short enough that nobody holds a connection by sending a body.
 */
const LINGER_MS = 2000;

/**
 * Stops reading the body where it stands and arranges for the connection to close once the answer
 * (which the caller sends next) has been written. Nothing of the body is kept, so nothing is stored.
 * Node ends and destroys a `Connection: close` socket as soon as the answer is written. When the client
 * was already streaming, bytes it sent are waiting unread, so that close sends a reset, which can reach
 * the client before it has read the answer (a Node client sending a chunked body then reported
 * ECONNRESET instead of the 413). Then the socket lingers instead: end (FIN after the answer), nothing
 * more read, destroyed after LINGER_MS or as soon as the client goes.
 */
export function stopReadingBody(req: Request, res: Response, read: BodyReadSoFar): void {
  refused.add(req);
  req.unpipe();
  req.pause();
  // Marks the body as consumed (at most one buffer more is read): Node drains an unconsumed body after
  // the answer, which is the very reading this stops.
  req.read(0);
  res.setHeader('Connection', 'close');
  if (read === 'none') return;
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

/** Whether this request's body was refused by `stopReadingBody` (its answer is already on its way). */
export function isBodyRefused(req: Request): boolean {
  return refused.has(req);
}
