import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MAX_FILE_NAME_LENGTH, sanitizeFileName } from '../../../../src/modules/documents/file-name.js';

describe('sanitizeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\amina\\Desktop\\scan.png', 'scan.png'],
    ['  .hidden.pdf. ', 'hidden.pdf'],
    ['ordonnance médicale (1).pdf', 'ordonnance médicale (1).pdf'],
    ['رسالة طبية.pdf', 'رسالة طبية.pdf'],
    ['<script>alert(1)</script>', 'script_'],
    ['a;b|c&d$e`f.pdf', 'a_b_c_d_e_f.pdf'],
    ['tab\there\nnewline.pdf', 'tabherenewline.pdf'],
    ['many     spaces.pdf', 'many spaces.pdf'],
  ])('makes %j into %j', (raw, safe) => {
    expect(sanitizeFileName(raw)).toBe(safe);
  });

  it('drops bidirectional overrides, so exe\u202Efdp.pdf cannot pose as a PDF', () => {
    expect(sanitizeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFileName('a\u200Bb\uFEFFc\u2066d.pdf')).toBe('abcd.pdf');
  });

  it.each(['', '   ', '...', '/', '\\\\', '\u0000\u0001', '\u202E', '___', '()', '😀'.repeat(200)])(
    'never returns an empty name (%j)',
    (raw) => {
      expect(sanitizeFileName(raw)).toBe('document');
      expect(sanitizeFileName(raw, { mediaType: 'image/png' })).toBe('document.png');
    },
  );

  it('makes the extension tell the truth about the sniffed type', () => {
    expect(sanitizeFileName('scan', { mediaType: 'image/jpeg' })).toBe('scan.jpg');
    expect(sanitizeFileName('scan.JPEG', { mediaType: 'image/jpeg' })).toBe('scan.jpeg');
    expect(sanitizeFileName('report.PDF', { mediaType: 'application/pdf' })).toBe('report.pdf');
    expect(sanitizeFileName('report.pdf', { mediaType: 'image/png' })).toBe('report.pdf.png');
    expect(sanitizeFileName('setup.exe', { mediaType: 'application/pdf' })).toBe('setup.exe.pdf');
  });

  it('cuts long names to the limit, keeping the extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(500)}.pdf`, { mediaType: 'application/pdf' });
    expect(name).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('cuts at a character, never inside a surrogate pair', () => {
    const name = sanitizeFileName(`${'𝒜'.repeat(200)}.pdf`, { mediaType: 'application/pdf', maxLength: 10 });
    expect(Array.from(name)).toHaveLength(10);
    expect(name).toBe(`${'𝒜'.repeat(6)}.pdf`);
    // A split pair would not survive a round trip through UTF-8.
    expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name);
  });

  it('always gives a short, non-empty, path-free, printable name, and is stable', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom(undefined, 'application/pdf', 'image/jpeg', 'image/png' as const),
        (raw, mediaType) => {
          const name = sanitizeFileName(raw, { mediaType });
          expect(name.length).toBeGreaterThan(0);
          expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
          expect(name).not.toMatch(/[/\\"<>:|?*;]/);
          expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u);
          expect(name).not.toMatch(/^[.\s]|[.\s]$/);
          if (mediaType === 'application/pdf') expect(name.endsWith('.pdf')).toBe(true);
          expect(sanitizeFileName(name, { mediaType })).toBe(name);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
