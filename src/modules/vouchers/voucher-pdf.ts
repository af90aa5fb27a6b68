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
  /** The fields to print, in the page's order. Default: all. The QR code and the reference always print. */
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

// The standard PDF fonts: no file to ship, and WinAnsi covers French and the other Latin-script languages.
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/**
 * Spaces that Intl puts in numbers and dates (the narrow no-break space of French `1 500`) but WinAnsi lacks: the
 * standard fonts would print a wrong glyph. The no-break space keeps the amount on one line.
 */
function toWinAnsi(text: string): string {
  return text.replace(/[\u2007\u202f]/g, '\u00a0').replace(/[\u2000-\u2006\u2008-\u200a]/g, ' ');
}

export async function renderVoucherPdf(options: RenderVoucherPdfOptions): Promise<Buffer> {
  const printed = new Set(options.printedFields ?? FIELD_ORDER);
  printed.add('reference');
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
  const write = (text: string, font: string, size: number, align: 'left' | 'center' = 'left') =>
    document.font(font).fontSize(size).text(toWinAnsi(text), PAGE_MARGIN, document.y, { width, align });
  document.fillColor('black').strokeColor('black');

  if (options.logo) {
    document.image(options.logo, PAGE_MARGIN, PAGE_MARGIN, { fit: LOGO_BOX });
    document.y = PAGE_MARGIN + LOGO_BOX[1] + 4 * MM;
  }
  write(options.title, BOLD, 20);
  document.moveDown(0.5);

  for (const field of FIELD_ORDER.filter((name) => printed.has(name) && name !== 'reference')) {
    write(options.labels[field], BOLD, 10);
    write(options.fields[field], REGULAR, 13);
    document.moveDown(0.4);
  }

  const qrTop = document.y + QR_QUIET_ZONE;
  document.image(qrPng, (document.page.width - QR_WIDTH) / 2, qrTop, { width: QR_WIDTH });
  document.y = qrTop + QR_WIDTH + QR_QUIET_ZONE;
  write(options.labels.reference, BOLD, 10, 'center');
  write(options.fields.reference, BOLD, 16, 'center');
  document.moveDown(1);

  const paragraphs: [string, string | undefined][] = [
    [options.labels.forBeneficiary, options.instructions?.beneficiary],
    [options.labels.forProvider, options.instructions?.provider],
  ];
  for (const [label, paragraph] of paragraphs) {
    if (!paragraph) continue;
    write(label, BOLD, 12);
    write(paragraph, REGULAR, 11);
    document.moveDown(0.8);
  }

  document.end();
  return finished;
}

function collect(document: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
}
