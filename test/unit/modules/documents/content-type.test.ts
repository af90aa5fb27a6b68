import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { PROJECT_ROOT } from '../../../../src/config.js';
import { sniffDocumentType } from '../../../../src/modules/documents/content-type.js';

const fixture = (name: string) => readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'documents', name));
const bytes = (...values: number[]) => Uint8Array.from(values);

describe('sniffDocumentType', () => {
  it.each([
    ['tiny.pdf', 'application/pdf'],
    ['tiny.png', 'image/png'],
    ['tiny.jpg', 'image/jpeg'],
  ])('recognises %s as %s', (name, mediaType) => {
    expect(sniffDocumentType(fixture(name))).toBe(mediaType);
  });

  it('reads only the magic numbers at the very start', () => {
    expect(sniffDocumentType(Buffer.from('%PDF-'))).toBe('application/pdf');
    expect(sniffDocumentType(bytes(0xff, 0xd8, 0xff))).toBe('image/jpeg');
    expect(sniffDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
  });

  it.each([
    ['an empty file', bytes()],
    ['plain text', Buffer.from('This is a medical report, honestly.')],
    ['a PDF marker after leading whitespace', Buffer.from(' %PDF-1.7')],
    ['a PDF marker without its dash', Buffer.from('%PDF1.7')],
    ['a truncated JPEG marker', bytes(0xff, 0xd8)],
    ['a PNG signature whose line endings were mangled', bytes(0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0x00)],
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62)])],
    ['an ELF binary', Buffer.from('\x7fELF\x02\x01\x01')],
    ['a ZIP (or DOCX) archive', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)],
    ['a GIF', Buffer.from('GIF89a')],
    ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['an SVG image', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
  ])('refuses %s', (_label, content) => {
    expect(sniffDocumentType(content)).toBeUndefined();
  });

  it('decides by the first bytes whatever follows them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(Buffer.from('%PDF-'), bytes(0xff, 0xd8, 0xff), fixture('tiny.png').subarray(0, 8)),
        fc.uint8Array({ maxLength: 256 }),
        (magic, rest) => {
          expect(sniffDocumentType(Buffer.concat([magic, rest]))).toBe(sniffDocumentType(magic));
        },
      ),
    );
  });

  it('accepts nothing that starts otherwise', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (content) => {
        const starts = [Buffer.from('%PDF-'), bytes(0xff, 0xd8, 0xff), bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)].some(
          (magic) => Buffer.from(content.subarray(0, magic.length)).equals(magic),
        );
        expect(sniffDocumentType(content) !== undefined).toBe(starts);
      }),
      { numRuns: 500 },
    );
  });
});
