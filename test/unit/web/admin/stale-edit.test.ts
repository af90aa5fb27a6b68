/** A save refused as stale shows, per field that differs, what was typed beside what is saved now. */
import { describe, expect, it } from '@jest/globals';
import type { ProgramFormValues } from '../../../../src/web/admin/forms.js';
import { loadMessages } from '../../../../src/platform/i18n/catalogs.js';
import { compareGroupWithSaved, compareProgramWithSaved } from '../../../../src/web/admin/stale-edit.js';

const en = loadMessages('locales').translatorFor('en');

const SAVED: ProgramFormValues = {
  code: 'EMERG',
  name: 'Emergency surgery',
  description: '',
  currency: 'USD',
  timeZone: 'Africa/Nairobi',
  maxAmount: '5000.00',
  voucherValidityDays: '30',
  voucherIssuance: 'manual',
  treatmentTypes: [{ code: 'surgery', label: 'Urgent surgery' }],
  reasonCodes: [{ code: 'eligible', label: 'Eligible' }],
  version: '3',
};

describe('comparing a stale edit with what is saved', () => {
  it('lists only the fields that differ, in the form order, an empty value said in words', () => {
    const entered = {
      ...SAVED,
      description: 'Typed on a stale page.',
      treatmentTypes: [...SAVED.treatmentTypes, { code: 'treatment', label: 'Medical treatment' }],
      name: 'Emergency surgery',
      version: '2',
    };
    expect(compareProgramWithSaved(entered, SAVED, en).changes).toEqual([
      { label: 'Description', entered: 'Typed on a stale page.', saved: '(empty)' },
      { label: 'Treatment types', entered: 'surgery: Urgent surgery; treatment: Medical treatment', saved: 'surgery: Urgent surgery' },
    ]);
  });

  it('words the voucher issuance choice as the form shows it', () => {
    expect(compareProgramWithSaved({ ...SAVED, voucherIssuance: 'on-approval' }, SAVED, en).changes).toEqual([
      { label: 'How vouchers are issued', entered: 'Automatically at approval', saved: 'By an issuing officer' },
    ]);
  });

  it('has nothing to list when the typing matches what is saved', () => {
    expect(compareProgramWithSaved({ ...SAVED, version: '2' }, SAVED, en).changes).toEqual([]);
  });

  it('compares group members as a list, however they were separated', () => {
    const saved = { code: 'assessors', name: 'Assessors', members: 'sena\njoy', version: '2' };
    expect(compareGroupWithSaved({ ...saved, members: 'sena, joy' }, saved, en).changes).toEqual([]);
    expect(compareGroupWithSaved({ ...saved, members: 'sena' }, saved, en).changes).toEqual([
      { label: 'Members', entered: 'sena', saved: 'sena, joy' },
    ]);
  });
});
