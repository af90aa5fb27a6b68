/**
 * Reads a voucher PDF the way a person and a phone would: the text of its pages, and the QR code decoded from
 * the images painted on them. PDF.js parses the file (fonts, streams, image masks), so the tests do not depend on
 * how pdfkit happens to write it; jsQR decodes the pixels.
 */
import jsQRImport from 'jsqr';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadVoucherPdfResult {
  /** The text of every page, one line per line of the page. */
  text: string;
  /** The text of the first image that decodes as a QR code, if any does. */
  qrText: string | undefined;
}

/** What is on paper beyond the words: the document's metadata and each image with its printed size. */
export interface VoucherPdfLayout {
  title: string | undefined;
  language: string | undefined;
  pages: { widthMm: number; heightMm: number }[];
  images: ({ page: number; qrText: string | undefined } & PrintedBox)[];
}

/** Where an image is printed, in mm from the page's bottom left corner. */
export interface PrintedBox {
  widthMm: number;
  heightMm: number;
  leftMm: number;
  rightMm: number;
  bottomMm: number;
  topMm: number;
}

interface DecodedImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

type Matrix = [number, number, number, number, number, number];

const MM_PER_POINT = 25.4 / 72;

// jsqr is CommonJS: Jest hands over its function as the default export, Node its `exports` object.
const jsQR = ('default' in jsQRImport ? jsQRImport.default : jsQRImport) as typeof jsQRImport.default;

// PDF.js runs its worker's code in this thread when the module is on globalThis: no worker file to locate.
const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

export async function readVoucherPdf(pdf: Buffer): Promise<ReadVoucherPdfResult> {
  return withDocument(pdf, async (document) => {
    const lines: string[] = [];
    let qrText: string | undefined;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      lines.push(...(await readLines(page)));
      for (const image of await readImages(page)) qrText ??= image.qrText;
    }
    return { text: lines.join('\n'), qrText };
  });
}

export async function readVoucherPdfLayout(pdf: Buffer): Promise<VoucherPdfLayout> {
  return withDocument(pdf, async (document) => {
    const { info } = (await document.getMetadata()) as { info: { Title?: string; Language?: string } };
    const layout: VoucherPdfLayout = { title: info.Title, language: info.Language, pages: [], images: [] };
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      layout.pages.push({ widthMm: width * MM_PER_POINT, heightMm: height * MM_PER_POINT });
      for (const image of await readImages(page)) layout.images.push({ page: number, ...image });
    }
    return layout;
  });
}

async function withDocument<T>(pdf: Buffer, read: (document: pdfjs.PDFDocumentProxy) => Promise<T>): Promise<T> {
  const document = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    disableFontFace: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
  try {
    return await read(document);
  } finally {
    await document.destroy();
  }
}

async function readLines(page: pdfjs.PDFPageProxy): Promise<string[]> {
  const content = await page.getTextContent();
  const lines: string[] = [];
  let line = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    line += item.str;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Each image painted on the page, with its size on paper (from the transformation in force) and its QR text. */
async function readImages(page: pdfjs.PDFPageProxy): Promise<({ qrText: string | undefined } & PrintedBox)[]> {
  const operators = await page.getOperatorList();
  const images = [];
  const saved: Matrix[] = [];
  let matrix: Matrix = [1, 0, 0, 1, 0, 0];
  for (const [index, operator] of operators.fnArray.entries()) {
    const args = operators.argsArray[index] as unknown[];
    if (operator === pdfjs.OPS.save) saved.push(matrix);
    else if (operator === pdfjs.OPS.restore) matrix = saved.pop() ?? matrix;
    else if (operator === pdfjs.OPS.transform) matrix = multiply(args as Matrix, matrix);
    else if (operator === pdfjs.OPS.paintImageXObject) {
      const image = await readImage(page, args[0] as string);
      images.push({ ...printedBox(matrix), qrText: image && decodeQr(image) });
    }
  }
  return images;
}

/** An image fills the unit square of the transformation in force. */
function printedBox([a, b, c, d, e, f]: Matrix): PrintedBox {
  const xs = [e, a + e, c + e, a + c + e];
  const ys = [f, b + f, d + f, b + d + f];
  return {
    widthMm: Math.hypot(a, b) * MM_PER_POINT,
    heightMm: Math.hypot(c, d) * MM_PER_POINT,
    leftMm: Math.min(...xs) * MM_PER_POINT,
    rightMm: Math.max(...xs) * MM_PER_POINT,
    bottomMm: Math.min(...ys) * MM_PER_POINT,
    topMm: Math.max(...ys) * MM_PER_POINT,
  };
}

/** `first` applied, then `then`, as PDF's `cm` composes them. */
function multiply(first: Matrix, then: Matrix): Matrix {
  const [a, b, c, d, e, f] = first;
  const [A, B, C, D, E, F] = then;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

function readImage(page: pdfjs.PDFPageProxy, objectId: string): Promise<DecodedImage | undefined> {
  const store = objectId.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => store.get(objectId, (image: DecodedImage | undefined) => resolve(image?.data ? image : undefined)));
}

/** jsQR wants RGBA pixels, and a quiet zone: the image may have none when the paper around it is the quiet zone. */
function decodeQr(image: DecodedImage): string | undefined {
  const border = Math.ceil(Math.max(image.width, image.height) / 10);
  const width = image.width + 2 * border;
  const height = image.height + 2 * border;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const [red, green, blue] = pixelAt(image, x, y);
      const target = ((y + border) * width + x + border) * 4;
      rgba[target] = red;
      rgba[target + 1] = green;
      rgba[target + 2] = blue;
    }
  }
  return jsQR(rgba, width, height)?.data;
}

const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;

function pixelAt(image: DecodedImage, x: number, y: number): [number, number, number] {
  if (image.kind === GRAYSCALE_1BPP) {
    const rowBytes = Math.ceil(image.width / 8);
    const bit = ((image.data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
    const value = bit ? 255 : 0;
    return [value, value, value];
  }
  const channels = image.kind === RGB_24BPP ? 3 : 4;
  const offset = (y * image.width + x) * channels;
  const alpha = channels === 4 ? (image.data[offset + 3] ?? 255) / 255 : 1;
  // A transparent pixel shows the white paper under it.
  const onPaper = (value: number | undefined) => Math.round((value ?? 0) * alpha + 255 * (1 - alpha));
  return [onPaper(image.data[offset]), onPaper(image.data[offset + 1]), onPaper(image.data[offset + 2])];
}
