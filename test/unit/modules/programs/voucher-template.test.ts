import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { loadApiSpec } from '../../../../src/platform/http/spec.js';
import { PAGE_LANGUAGES } from '../../../../src/platform/i18n/languages.js';
import { logoTypeOf, toStoredVoucherTemplate, toVoucherTemplate } from '../../../../src/modules/programs/voucher-template.js';

const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex');

describe('the voucher template', () => {
  it('offers exactly the languages the pages are written in', async () => {
    const spec = (await loadApiSpec(path.join('openapi', 'openapi.yaml'))) as unknown as {
      components: { schemas: Record<string, { enum?: string[] }> };
    };
    expect(spec.components.schemas.VoucherLanguage?.enum).toEqual([...PAGE_LANGUAGES]);
  });

  it('reads what was never set as the defaults: the program name, no instructions, every field, English', () => {
    expect(toVoucherTemplate({ name: 'Surgery', voucher_template: {}, voucher_logo_type: null, voucher_logo_size: null })).toEqual({
      title: 'Surgery',
      instructions: { beneficiary: '', provider: '' },
      printedFields: ['name', 'program', 'amount', 'validity'],
      language: 'en',
      logo: null,
    });
  });

  it('stores the fields in print order and leaves blank instructions out', () => {
    expect(
      toStoredVoucherTemplate({
        title: ' T ',
        instructions: { beneficiary: '  ', provider: 'Scan it.' },
        printedFields: ['validity', 'name'],
        language: 'ar',
      }),
    ).toEqual({ title: 'T', instructions: { provider: 'Scan it.' }, printedFields: ['name', 'validity'], language: 'ar' });
  });

  it('tells PNG and JPEG by their first bytes and refuses anything else', () => {
    expect(logoTypeOf(Buffer.concat([PNG_SIGNATURE, Buffer.alloc(8)]))).toBe('image/png');
    expect(logoTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    for (const bytes of [Buffer.from('%PDF-1.7'), Buffer.from('GIF89a'), Buffer.alloc(0), PNG_SIGNATURE.subarray(0, 7)]) {
      expect(() => logoTypeOf(bytes)).toThrow(expect.objectContaining({ code: 'ERR_VOUCHER_LOGO_NOT_IMAGE' }));
    }
  });
});
