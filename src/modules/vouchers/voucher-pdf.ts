/**
 * The printable voucher: one A4 page in black and white (it must stay readable once photocopied) with the QR
 * code, the voucher's details and what the beneficiary and the service provider are to do. Every word comes from
 * the caller, already translated and formatted; this file only lays them out.
 */
import PDFDocument from 'pdfkit';
import { drawQrPng } from './qr/draw-qr.js';

/** The details a voucher can print; each comes as a label and a value. */
export type VoucherPdfField = 'name' | 'program' | 'amount' | 'validFrom' | 'validUntil' | 'reference';

export interface RenderVoucherPdfOptions {
  /** The `VC1-R…` text of the signed voucher. */
  qrText: string;
  /** The heading of the page, also the PDF's Title. */
  title: string;
  labels: Record<VoucherPdfField, string> & { forBeneficiary: string; forProvider: string };
  /** The values, already formatted for the reader (the amount with its currency, the dates in their language). */
  fields: Record<VoucherPdfField, string>;
  /** The fields to print; they keep the page's order. Default: all. The QR code and the reference always print. */
  printedFields?: readonly VoucherPdfField[];
  /** Paragraphs for the beneficiary and for the service provider; each prints under its label when given. */
  instructions?: { beneficiary?: string; provider?: string };
  /** The issuer's logo, PNG or JPEG, printed at the top in at most 50 mm × 20 mm. */
  logo?: Buffer;
  /** BCP 47 tag of the words, written as the document's language for screen readers. */
  language: string;
  /** The PDF's creation date. Default: now. */
  now?: () => Date;
}

const FIELD_ORDER: readonly VoucherPdfField[] = ['name', 'program', 'amount', 'validFrom', 'validUntil', 'reference'];

const MM = 72 / 25.4;
const PAGE_MARGIN = 18 * MM;
/** Read by a phone from paper at arm's length, and still after a crease: see drawQrPng for the ECC level. */
const QR_WIDTH = 70 * MM;
/** The QR standard's quiet zone is 4 modules; at 70 mm and version 13 (69 modules) that is about 4 mm. */
const QR_QUIET_ZONE = 6 * MM;
const LOGO_BOX: [number, number] = [50 * MM, 20 * MM];

/*
 * The standard PDF fonts: no file to ship, and WinAnsi covers French and the other Latin-script languages.
 * Arabic is not printed yet: the fonts on npm that cover it are OFL-1.1, which the licence policy does not list,
 * and pdfkit's font engine (fontkit) shapes Arabic but reverses a whole right-to-left line with no bidi algorithm,
 * so the digits of an amount or a date and any Latin name inside Arabic text would print backwards.
 */
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/** What WinAnsi adds to Latin-1 (pdfkit's WIN_ANSI_MAP): € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return character === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(character);
}

/** Text the PDF's fonts have no glyph for; `characters` names them as U+XXXX (never the text, which may be a name). */
export class UnprintableTextError extends TypeError {
  constructor(readonly characters: string[]) {
    super(`the voucher PDF's fonts cannot print ${characters.join(' ')} (Latin-script text only)`);
    this.name = 'UnprintableTextError';
  }
}

/**
 * Spaces that Intl puts in numbers and dates (the narrow no-break space of French `1 500`) but WinAnsi lacks
 * become the no-break space, which keeps the amount on one line. Any other character the fonts lack is refused:
 * pdfkit would print other glyphs in its place (`1 /500`), and a wrong voucher on paper is worse than none.
 */
function toWinAnsi(text: string): string {
  const printable = text.replace(/[\u2007\u202f]/g, '\u00a0').replace(/[\u2000-\u2006\u2008-\u200a]/g, ' ');
  const missing = [...new Set([...printable].filter((character) => !isWinAnsi(character)))];
  if (missing.length > 0) {
    const codes = missing.map((character) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
    throw new UnprintableTextError(codes);
  }
  return printable;
}

export async function renderVoucherPdf(options: RenderVoucherPdfOptions): Promise<Buffer> {
  // Every text is checked before anything is drawn: an unprintable one fails the call, not half a document.
  const blocks = arrangeBlocks(options);
  // No quiet zone in the image: the white paper around it is the quiet zone, kept free below.
  const qrPng = await drawQrPng(options.qrText, { errorCorrection: 'M', margin: 0, scale: 8 });

  const document = new PDFDocument({
    size: 'A4',
    margin: PAGE_MARGIN,
    lang: options.language,
    displayTitle: true,
    info: { Title: options.title, CreationDate: (options.now ?? (() => new Date()))() },
  });
  const finished = collect(document);
  const width = document.page.width - 2 * PAGE_MARGIN;
  document.fillColor('black');

  if (options.logo) {
    document.image(options.logo, PAGE_MARGIN, PAGE_MARGIN, { fit: LOGO_BOX });
    document.y = PAGE_MARGIN + LOGO_BOX[1] + 4 * MM;
  }
  for (const block of blocks) {
    if (block === 'qr') {
      // Long texts above can leave too little room: the code moves to the next page whole, never cut.
      if (document.y + QR_WIDTH + 2 * QR_QUIET_ZONE > document.page.height - PAGE_MARGIN) document.addPage();
      const qrTop = document.y + QR_QUIET_ZONE;
      document.image(qrPng, (document.page.width - QR_WIDTH) / 2, qrTop, { width: QR_WIDTH });
      document.y = qrTop + QR_WIDTH + QR_QUIET_ZONE;
      continue;
    }
    document.font(block.font).fontSize(block.size).text(block.text, PAGE_MARGIN, document.y, { width, align: block.align });
    document.moveDown(block.gapAfter);
  }

  document.end();
  return finished;
}

interface TextBlock {
  text: string;
  font: string;
  size: number;
  /** In lines of the block's size. */
  gapAfter: number;
  align: 'left' | 'center';
}

/** The page from top to bottom: the title, each printed field, the QR code with the reference, the instructions. */
function arrangeBlocks(options: RenderVoucherPdfOptions): (TextBlock | 'qr')[] {
  const printed = new Set(options.printedFields ?? FIELD_ORDER);
  const block = (text: string, font: string, size: number, gapAfter = 0, align: TextBlock['align'] = 'left'): TextBlock => ({
    text: toWinAnsi(text),
    font,
    size,
    gapAfter,
    align,
  });
  const paragraphs: [string, string | undefined][] = [
    [options.labels.forBeneficiary, options.instructions?.beneficiary],
    [options.labels.forProvider, options.instructions?.provider],
  ];
  return [
    block(options.title, BOLD, 20, 0.5),
    ...FIELD_ORDER.filter((field) => field !== 'reference' && printed.has(field)).flatMap((field) => [
      block(options.labels[field], BOLD, 10),
      block(options.fields[field], REGULAR, 13, 0.4),
    ]),
    'qr',
    block(options.labels.reference, BOLD, 10, 0, 'center'),
    block(options.fields.reference, BOLD, 16, 1, 'center'),
    ...paragraphs.flatMap(([label, paragraph]) => (paragraph ? [block(label, BOLD, 12), block(paragraph, REGULAR, 11, 0.8)] : [])),
  ];
}

function collect(document: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
}
