/**
 * A file name a client sent, made safe to store, show and send back in Content-Disposition: no
 * folders, no control or invisible characters, a conservative character set, a bounded length, an
 * extension that agrees with the sniffed type, and never empty.
 */
import { EXTENSIONS, type DocumentMediaType } from './content-type.js';

export const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_NAME = 'document';

export interface SanitizeFileNameOptions {
  /** The type sniffed from the bytes; the name gets its extension when it carries another one. */
  mediaType?: DocumentMediaType;
  /** Longest result, in characters (default 120). */
  maxLength?: number;
}

// Controls (C0, DEL, C1), format characters (bidirectional overrides that make `exe.pdf` read as
// `fdp.exe`, zero-width characters, the BOM), private-use code points and lone surrogates: dropped.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;
// Letters, combining marks and digits of any script, plus space and . _ - ( ); anything else becomes _.
const UNSAFE = /[^\p{L}\p{M}\p{N} ._\-()]/gu;

function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return { stem: name, extension: '' };
  return { stem: name.slice(0, dot), extension: name.slice(dot) };
}

/** Cuts at a code point boundary, so a surrogate pair is never split. */
function truncate(text: string, max: number): string {
  return Array.from(text).slice(0, Math.max(0, max)).join('');
}

export function sanitizeFileName(raw: string, options: SanitizeFileNameOptions = {}): string {
  const maxLength = options.maxLength ?? MAX_FILE_NAME_LENGTH;
  // Only the last path segment, whichever separator the client's system uses.
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .replace(/_{2,}/g, '_')
    // No hidden files, no `..`, no trailing dots or spaces (Windows drops them).
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  let { stem, extension } = splitExtension(name);
  if (options.mediaType) {
    const allowed = EXTENSIONS[options.mediaType];
    if (!allowed.includes(extension.toLowerCase())) {
      // Keep what the client called it, but make the last extension tell the truth.
      stem = name;
      extension = allowed[0] ?? '';
    } else {
      extension = extension.toLowerCase();
    }
  }
  if (stem.replace(/[\s._\-()]/g, '') === '') stem = FALLBACK_NAME;
  const extensionLength = Array.from(extension).length;
  if (extensionLength > 16 || extensionLength >= maxLength) {
    stem = `${stem}${extension}`;
    extension = '';
  }
  name = `${truncate(stem, maxLength - Array.from(extension).length).replace(/[\s.]+$/, '')}${extension}`;
  return name === '' || name === extension ? truncate(`${FALLBACK_NAME}${extension}`, maxLength) : name;
}
