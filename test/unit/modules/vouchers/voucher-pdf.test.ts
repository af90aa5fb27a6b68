import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../../src/config.js';
import {
  encodeVoucherQr,
  renderVoucherPdf,
  VOUCHER_REGISTRY_ENTRY_ID,
  type RenderVoucherPdfOptions,
} from '../../../../src/modules/vouchers/index.js';
import { formatMoney } from '../../../../src/web/money.js';
import { readVoucherPdf, readVoucherPdfLayout } from '../../../support/read-voucher-pdf.js';
import { createVoucherWorld } from './voucher-world.js';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'documents');

let qrText: string;

beforeAll(async () => {
  const world = await createVoucherWorld();
  const voucher = await world.issue();
  ({ text: qrText } = await encodeVoucherQr({
    credential: voucher,
    documentLoader: world.documentLoader,
    registryEntryId: VOUCHER_REGISTRY_ENTRY_ID,
    typeTables: world.typeTables,
  }));
});

function english(overrides: Partial<RenderVoucherPdfOptions> = {}): RenderVoucherPdfOptions {
  return {
    qrText,
    title: 'Assistance voucher',
    language: 'en',
    labels: {
      name: 'Name',
      program: 'Program',
      amount: 'Amount',
      validFrom: 'Valid from',
      validUntil: 'Valid until',
      reference: 'Voucher reference',
      forBeneficiary: 'For the beneficiary',
      forProvider: 'For the service provider',
    },
    fields: {
      name: 'Amina Yusuf Odhiambo',
      program: 'Emergency surgery',
      amount: formatMoney('1500.00', 'USD', 'en'),
      validFrom: '1 December 2026',
      validUntil: '31 December 2026',
      reference: 'K7M2-X9Q4',
    },
    instructions: {
      beneficiary: 'Show this voucher and an identity document at the hospital.',
      provider: 'Scan the QR code to check the voucher before giving the service.',
    },
    ...overrides,
  };
}

describe('renderVoucherPdf', () => {
  it('prints a QR code that reads back as exactly the voucher’s VC1-R text', async () => {
    const { qrText: printed } = await readVoucherPdf(await renderVoucherPdf(english()));
    expect(printed).toMatch(/^VC1-R/);
    expect(printed).toBe(qrText);
  });

  it('prints the title, each label with its value, and both instructions', async () => {
    const { text } = await readVoucherPdf(await renderVoucherPdf(english()));
    for (const line of [
      'Assistance voucher',
      'Name',
      'Amina Yusuf Odhiambo',
      'Program',
      'Emergency surgery',
      'Amount',
      'USD 1,500',
      'Valid from',
      '1 December 2026',
      'Valid until',
      '31 December 2026',
      'Voucher reference',
      'K7M2-X9Q4',
      'For the beneficiary',
      'Show this voucher and an identity document at the hospital.',
      'For the service provider',
      'Scan the QR code to check the voucher before giving the service.',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
  });

  it('leaves out the fields not asked for, but always prints the QR code and the reference', async () => {
    const pdf = await renderVoucherPdf(english({ printedFields: ['program', 'validUntil'] }));
    const { text, qrText: printed } = await readVoucherPdf(pdf);
    const lines = text.split('\n');
    expect(lines).toEqual(expect.arrayContaining(['Emergency surgery', '31 December 2026', 'K7M2-X9Q4']));
    expect(printed).toBe(qrText);
    for (const absent of ['Name', 'Amina Yusuf Odhiambo', 'Amount', 'USD 1,500', 'Valid from', '1 December 2026']) {
      expect(lines).not.toContain(absent);
    }
  });

  it('leaves out an instruction that is not given, with its label', async () => {
    const { text } = await readVoucherPdf(await renderVoucherPdf(english({ instructions: { provider: 'Scan the QR code.' } })));
    expect(text).toContain('Scan the QR code.');
    expect(text).not.toContain('For the beneficiary');
  });

  it('keeps French accents, ligatures, quotes and the spaces of French numbers', async () => {
    const amount = formatMoney('1500.00', 'USD', 'fr');
    expect(amount).toContain('\u202f'); // Intl's narrow no-break space, which the PDF's font lacks.
    const pdf = await renderVoucherPdf(
      english({
        language: 'fr',
        title: 'Bon d’assistance',
        labels: {
          name: 'Nom',
          program: 'Programme',
          amount: 'Montant',
          validFrom: 'Valable à partir du',
          validUntil: 'Valable jusqu’au',
          reference: 'Référence du bon',
          forBeneficiary: 'Pour le bénéficiaire',
          forProvider: 'Pour le prestataire',
        },
        fields: {
          name: 'Amina Yusuf Odhiambo',
          program: 'Chirurgie d’urgence',
          amount,
          validFrom: '1er décembre 2026',
          validUntil: '31 décembre 2026',
          reference: 'K7M2-X9Q4',
        },
        instructions: { beneficiary: 'Présentez ce bon et une pièce d’identité à l’hôpital ; « Œuvre » déjà reçue.' },
      }),
    );
    const { text, qrText: printed } = await readVoucherPdf(pdf);
    for (const words of ['Bon d’assistance', 'Valable à partir du', 'Référence du bon', 'Chirurgie d’urgence', '1er décembre 2026']) {
      expect(text).toContain(words);
    }
    expect(text).toContain('Présentez ce bon et une pièce d’identité à l’hôpital ; « Œuvre » déjà reçue.');
    // The font has no narrow no-break space: printed as is, it came out as `1 /500`.
    expect(text.replace(/\s/g, ' ')).toContain('1 500 USD');
    expect(printed).toBe(qrText);
  });

  it('prints the QR code at least 60 mm wide on a single A4 page, so a phone reads it from paper', async () => {
    const layout = await readVoucherPdfLayout(await renderVoucherPdf(english()));
    expect(layout.pages).toHaveLength(1);
    expect(layout.pages[0]?.widthMm).toBeCloseTo(210, 0);
    expect(layout.pages[0]?.heightMm).toBeCloseTo(297, 0);
    const [qr] = layout.images;
    expect(qr?.qrText).toBe(qrText);
    expect(qr?.widthMm).toBeGreaterThanOrEqual(60);
    expect(qr?.heightMm).toBeCloseTo(qr?.widthMm ?? 0, 3);
    expect(qr?.leftMm).toBeGreaterThan(0);
    expect(qr?.rightMm).toBeLessThan(210);
    expect(qr?.bottomMm).toBeGreaterThan(0);
  });

  it('moves the QR code whole to a second page when long texts leave no room for it on the first', async () => {
    const longProgram = 'Emergency surgery and the care that follows it, '.repeat(40).trim();
    const pdf = await renderVoucherPdf(english({ fields: { ...english().fields, program: longProgram } }));
    const layout = await readVoucherPdfLayout(pdf);
    expect(layout.pages).toHaveLength(2);
    const qr = layout.images.find((image) => image.qrText === qrText);
    expect(qr?.page).toBe(2);
    expect(qr?.bottomMm).toBeGreaterThan(0);
    expect(qr?.topMm).toBeLessThan(297);
    expect((await readVoucherPdf(pdf)).text).toContain('K7M2-X9Q4');
  });

  it('names the document with its title and language, for the PDF reader and screen readers', async () => {
    const layout = await readVoucherPdfLayout(await renderVoucherPdf(english({ language: 'fr', title: 'Bon d’assistance' })));
    expect(layout.title).toBe('Bon d’assistance');
    expect(layout.language).toBe('fr');
  });

  it.each([
    ['PNG', 'tiny.png'],
    ['JPEG', 'tiny.jpg'],
  ])('prints a %s logo within 50 × 20 mm, and the QR code still reads', async (_kind, file) => {
    const pdf = await renderVoucherPdf(english({ logo: readFileSync(path.join(FIXTURES, file)) }));
    const { text, qrText: printed } = await readVoucherPdf(pdf);
    expect(printed).toBe(qrText);
    expect(text).toContain('Amina Yusuf Odhiambo');
    const logos = (await readVoucherPdfLayout(pdf)).images.filter((image) => image.qrText === undefined);
    expect(logos).toHaveLength(1);
    // The fixtures are square: the logo fills the box's height.
    expect(logos[0]?.widthMm).toBeCloseTo(20, 1);
    expect(logos[0]?.heightMm).toBeCloseTo(20, 1);
  });

  it('refuses text its fonts cannot print (Arabic for now) instead of printing other glyphs', async () => {
    const arabic = english({ language: 'ar', title: 'قسيمة المساعدة' });
    await expect(renderVoucherPdf(arabic)).rejects.toThrow(TypeError);
    await expect(renderVoucherPdf(arabic)).rejects.toThrow(/U\+0642/);
  });
});
