/**
 * The type of an uploaded document, read from its first bytes (magic numbers). The file name and the
 * content type the client declared are never trusted: a `.pdf` name on a program is still a program.
 */

export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

interface Signature {
  mediaType: DocumentMediaType;
  magic: readonly number[];
}

const SIGNATURES: readonly Signature[] = [
  // `%PDF-` at offset 0 (readers tolerate leading junk; we do not).
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // SOI marker followed by the first marker's 0xFF.
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  // The full 8-byte PNG signature, which also catches line-ending mangling in transit.
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The accepted type these bytes start with, or undefined when they are none of them. */
export function sniffDocumentType(bytes: Uint8Array): DocumentMediaType | undefined {
  const match = SIGNATURES.find(({ magic }) => bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte));
  return match?.mediaType;
}

/** The extensions a file of this type may carry; the first is the one added when a name has none. */
export const EXTENSIONS: Readonly<Record<DocumentMediaType, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};
