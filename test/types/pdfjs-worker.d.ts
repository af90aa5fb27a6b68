/** PDF.js's worker module (ships no types): read-voucher-pdf.ts puts it on globalThis to run it in this thread. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
