/**
 * zlib inflation with a bound on the output, so a small code cannot make the reader hold megabytes: PixelPass
 * vouchers and ID QR codes (Claim 169) both read through it. `DecompressionStream` is in Node and browsers alike.
 */

export class InflateLimitError extends Error {
  override readonly name = 'InflateLimitError';
}

export async function inflateBounded(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
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
