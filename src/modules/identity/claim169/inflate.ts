/**
 * zlib inflation with a bound on the output, so a small code cannot make the reader hold megabytes.
 * `DecompressionStream` is in Node and browsers alike: the portal decodes an ID QR on the phone with this too.
 */

/** More than any ID QR holds (a QR code carries at most about 3 KB; a photo inflates little). */
export const ID_QR_MAX_INFLATED_BYTES = 64 * 1024;

export class InflateLimitError extends Error {
  override readonly name = 'InflateLimitError';
}

export async function inflateBounded(bytes: Uint8Array, maxBytes = ID_QR_MAX_INFLATED_BYTES): Promise<Uint8Array> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel();
      throw new InflateLimitError(`the code inflates to more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
