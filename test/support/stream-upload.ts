/**
 * Sends a large multipart upload the way a hostile or careless client would: generated as it is sent,
 * never held in memory, with or without a declared Content-Length, and reports how much had been sent
 * when the answer came and how much the server read from the connection in all.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';

export interface StreamUploadOptions {
  /** Where to POST (absolute URL). */
  url: string;
  headers?: Record<string, string>;
  /** Text fields sent before the file. */
  fields?: Record<string, string>;
  /** Size of the file part's content; the body is a little larger. */
  fileBytes: number;
  /** Declare the body's length (Content-Length) instead of sending it in chunks. */
  declareLength: boolean;
}

export interface StreamUploadResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes of the body the client had handed to its socket when the answer's headers arrived. */
  sentBeforeAnswer: number;
  /** Bytes of the body generated in all (stops growing once the connection is gone). */
  sentInAll: number;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x20);

export async function streamUpload(options: StreamUploadOptions): Promise<StreamUploadResult> {
  const boundary = `----upload${randomUUID().replaceAll('-', '')}`;
  const head = Buffer.from(
    Object.entries(options.fields ?? {})
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const fillerBytes = Math.max(0, options.fileBytes - '%PDF-1.4\n'.length);
  let sent = 0;
  let filled = 0;
  function* parts(): Generator<Buffer> {
    yield head;
    while (filled < fillerBytes) {
      const piece = fillerBytes - filled >= CHUNK.length ? CHUNK : CHUNK.subarray(0, fillerBytes - filled);
      filled += piece.length;
      yield piece;
    }
    yield tail;
  }
  const body = Readable.from(parts(), { objectMode: false, highWaterMark: CHUNK.length });
  body.on('data', (chunk: Buffer) => {
    sent += chunk.length;
  });

  const url = new URL(options.url);
  const headers: Record<string, string> = {
    ...options.headers,
    'Content-Type': `multipart/form-data; boundary=${boundary}`,
  };
  if (options.declareLength) headers['Content-Length'] = String(head.length + fillerBytes + tail.length);
  else headers['Transfer-Encoding'] = 'chunked';

  return new Promise<StreamUploadResult>((resolve, reject) => {
    let socket: Socket | undefined;
    const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent: false });
    request.on('socket', (s) => {
      socket = s;
    });
    // Once the server closes the connection, writing fails; that is the point, not a failure of the test.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      const sentBeforeAnswer = sent;
      const chunks: Buffer[] = [];
      const finish = () => {
        body.destroy();
        socket?.destroy();
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          sentBeforeAnswer,
          sentInAll: sent,
        });
      };
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', finish);
      response.once('error', finish);
      response.once('aborted', finish);
    });
    body.pipe(request);
  });
}
