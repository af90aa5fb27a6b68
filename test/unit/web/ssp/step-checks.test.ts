/**
 * The Self-Service Portal's steps are checked by the contract's schemas, and what they refuse is said
 * in plain language next to the field. A draft stays loose: Back keeps unfinished answers.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadMessages } from '../../../../src/platform/i18n/catalogs.js';
import { loadApiSpec } from '../../../../src/platform/http/spec.js';
import { createSchemaValidator } from '../../../../src/platform/http/schema-validator.js';
import { createStepChecks, type StepChecks } from '../../../../src/web/ssp/step-checks.js';
import {
  GENDERS,
  mergePerson,
  PAYMENT_ACCOUNT_KINDS,
  RELATIONS,
  readMemberForm,
  readPersonForm,
  readTreatmentForm,
  readAddressForm,
  type DraftData,
} from '../../../../src/web/ssp/step-forms.js';

const TODAY = new Date('2026-12-01T12:00:00Z');
const PROGRAM = { treatmentTypes: [{ code: 'surgery', label: 'Urgent surgery' }], currency: 'KES' };
const EMPTY: DraftData = { programId: '6f1c1f7e-3f0a-4d8e-9b7a-2c4d5e6f7a8b' };

const PERSON = {
  givenName: 'Amina',
  familyName: 'Yusuf',
  gender: 'female',
  birthDate: '1990-02-14',
  occupation: 'Trader',
  phone: '+254 700 000002',
  email: 'amina@example.org',
};
const MEMBER = { relation: 'child', givenName: 'Zawadi', familyName: 'Yusuf', gender: 'female', birthDate: '2016-06-30', occupation: '' };
const TREATMENT = { type: 'surgery', description: 'Appendectomy.', estimatedCost: '1,250.50', facility: 'County Referral Hospital' };

describe('the apply steps, checked by the contract', () => {
  let checks: StepChecks;
  let spec: Awaited<ReturnType<typeof loadApiSpec>>;
  beforeAll(async () => {
    spec = await loadApiSpec(path.join('openapi', 'openapi.yaml'));
    checks = createStepChecks({ schemas: createSchemaValidator(spec), now: () => TODAY, t: loadMessages('locales').translatorFor('en') });
  });

  const person = (values: Record<string, string>, mode: 'complete' | 'lenient' = 'complete') =>
    checks.person(readPersonForm({ ...PERSON, ...values }), EMPTY, mode);

  it('accepts a complete person, treatment, address and family member', () => {
    expect(person({})).toEqual({});
    expect(checks.treatment(readTreatmentForm(TREATMENT), EMPTY, PROGRAM, 'complete')).toEqual({});
    expect(checks.address(readAddressForm({ region: 'Coast', district: 'Mombasa' }), EMPTY, 'complete')).toEqual({});
    expect(checks.member(readMemberForm(MEMBER), EMPTY)).toEqual({});
  });

  it.each([
    ['a phone number with letters', { phone: '+254 CALL ME' }, 'phone', 'Enter a phone number with digits, for example +254 700 000002.'],
    [
      'a phone number longer than a draft holds',
      { phone: `+${'1'.repeat(32)}` },
      'phone',
      'Enter a phone number with digits, for example +254 700 000002.',
    ],
    [
      'an over-long given name',
      { givenName: 'A'.repeat(101) },
      'givenName',
      'Your given name can be at most 100 characters long; shorten it.',
    ],
    [
      'an over-long occupation',
      { occupation: 'x'.repeat(101) },
      'occupation',
      'The occupation can be at most 100 characters long; shorten it.',
    ],
    ['an email address without a domain', { email: 'amina@' }, 'email', 'Enter an email address like name@example.org.'],
    ['a gender not on the list', { gender: 'robot' }, 'gender', 'Choose one of the listed answers.'],
    [
      'a day that does not exist',
      { birthDate: '1990-02-30' },
      'birthDate',
      'Enter a real date, with the day, month and year in full, or pick it from the calendar.',
    ],
    ['a birth date in the future', { birthDate: '2027-01-01' }, 'birthDate', 'The birth date cannot be in the future.'],
    ['a birth date far back', { birthDate: '1800-01-01' }, 'birthDate', 'Check the year: a birth date must be within the last 130 years.'],
    ['a missing given name', { givenName: '' }, 'givenName', 'Enter your given name.'],
    ['a missing gender', { gender: '' }, 'gender', 'Choose your gender, or "Prefer not to say".'],
  ])('refuses %s with a plain-language message next to the field', (_what, values, field, message) => {
    expect(person(values)).toEqual({ [field]: message });
  });

  const UNSTORABLE = 'This has characters we cannot save, such as invisible ones copied with the text. Delete them, or type it again.';

  it.each([
    ['a NUL character', 'Amina\u0000'],
    ['an escape character', '\u001bAmina'],
    ['half a surrogate pair', 'Ami\ud800na'],
  ])('refuses %s in any text field, on Back too, in plain language', (_what, text) => {
    expect(person({ givenName: text })).toEqual({ givenName: UNSTORABLE });
    expect(person({ occupation: text }, 'lenient')).toEqual({ occupation: UNSTORABLE });
    expect(checks.treatment(readTreatmentForm({ ...TREATMENT, description: text }), EMPTY, PROGRAM, 'lenient')).toEqual({
      description: UNSTORABLE,
    });
    expect(checks.address(readAddressForm({ region: 'Coast', locality: text }), EMPTY, 'complete')).toEqual({ locality: UNSTORABLE });
    expect(checks.member(readMemberForm({ ...MEMBER, familyName: text }), EMPTY)).toEqual({ familyName: UNSTORABLE });
  });

  it('keeps tabs and line breaks, which people type', () => {
    expect(
      checks.treatment(readTreatmentForm({ ...TREATMENT, description: 'Pain\r\n\tsince Monday.' }), EMPTY, PROGRAM, 'complete'),
    ).toEqual({});
  });

  it.each(['2023-02-29', '2023-04-31', '0000-01-01'])('refuses the impossible date %s as a birth date', (birthDate) => {
    expect(checks.member(readMemberForm({ ...MEMBER, birthDate }), EMPTY)).toEqual({
      birthDate: 'Enter a real date, with the day, month and year in full, or pick it from the calendar.',
    });
  });

  it('lists the messages in the order of the form', () => {
    expect(Object.keys(person({ email: 'no', phone: 'none', givenName: '' }))).toEqual(['givenName', 'phone', 'email']);
  });

  it('keeps a draft loose on Back: unfinished answers pass, only what a draft cannot hold is refused', () => {
    const unfinished = { givenName: '', familyName: '', gender: '', birthDate: '1990-02', phone: 'call me', email: 'amina@' };
    expect(person(unfinished, 'lenient')).toEqual({});
    expect(person({ givenName: 'A'.repeat(101) }, 'lenient')).toEqual({
      givenName: 'Your given name can be at most 100 characters long; shorten it.',
    });
    expect(checks.treatment(readTreatmentForm({ estimatedCost: 'about a thousand' }), EMPTY, PROGRAM, 'lenient')).toEqual({});
    expect(checks.address(readAddressForm({ district: 'Mombasa' }), EMPTY, 'lenient')).toEqual({});
  });

  describe('the payment account', () => {
    const WALLET = { paymentAccountKind: 'mobile-money', paymentAccountNumber: '+254 700 000002', paymentAccountProvider: 'M-Pesa' };

    it('is optional, and taken whole with its number spaced as typed (one space at a time)', () => {
      expect(person({ ...WALLET, paymentAccountNumber: '+254  700 000002' })).toEqual({});
      const merged = mergePerson(EMPTY, readPersonForm({ ...PERSON, ...WALLET, paymentAccountNumber: '+254  700 000002' }));
      expect(merged.applicant?.paymentAccount).toEqual({ kind: 'mobile-money', number: '+254 700 000002', provider: 'M-Pesa' });
      expect(mergePerson(EMPTY, readPersonForm(PERSON)).applicant).not.toHaveProperty('paymentAccount');
    });

    it.each([
      [
        'a number without its kind',
        { ...WALLET, paymentAccountKind: '' },
        'paymentAccountKind',
        'Choose the kind of account, or leave the payment account empty.',
      ],
      [
        'a kind without its number',
        { ...WALLET, paymentAccountNumber: '' },
        'paymentAccountNumber',
        'Enter the account number, or leave the payment account empty.',
      ],
      [
        'a number without its provider',
        { ...WALLET, paymentAccountProvider: '' },
        'paymentAccountProvider',
        'Enter the bank or mobile money service, or leave the payment account empty.',
      ],
      ['a kind not on the list', { ...WALLET, paymentAccountKind: 'cash' }, 'paymentAccountKind', 'Choose one of the listed answers.'],
      [
        'a number with signs',
        { ...WALLET, paymentAccountNumber: '0700#000002' },
        'paymentAccountNumber',
        'Enter the account number in letters and digits; single spaces or dashes may separate them.',
      ],
      [
        'a mobile money number with letters',
        { ...WALLET, paymentAccountNumber: 'KE12 3456' },
        'paymentAccountNumber',
        "For mobile money, enter the wallet's phone number: 6 to 15 digits, for example +254 700 000002.",
      ],
      [
        'a bank account number of 35 characters',
        { ...WALLET, paymentAccountKind: 'bank', paymentAccountNumber: 'KE'.padEnd(35, '1') },
        'paymentAccountNumber',
        'A bank account number has 4 to 34 letters and digits; check it.',
      ],
    ])('refuses %s next to the field', (_what, values, field, message) => {
      expect(person(values)).toEqual({ [field]: message });
    });

    it('keeps a part-filled account on Back', () => {
      expect(person({ paymentAccountNumber: '0700' }, 'lenient')).toEqual({});
    });
  });

  it.each([
    ['about a thousand', 'Enter the cost as a number, for example 1200 or 1200.50.'],
    ['0', 'The cost must be more than zero.'],
    ['-100', 'The cost must be more than zero.'],
    ['10.005', 'Use at most two digits after the decimal point.'],
    ['1234567890123', 'That amount is too large. Check the number of digits.'],
    ['', 'Enter the estimated cost.'],
  ])('says what is wrong with a cost typed as "%s"', (estimatedCost, message) => {
    expect(checks.treatment(readTreatmentForm({ ...TREATMENT, estimatedCost }), EMPTY, PROGRAM, 'complete')).toEqual({
      estimatedCost: message,
    });
  });

  it("refuses a treatment type the program does not cover and a description over the contract's length", () => {
    const refused = checks.treatment(
      readTreatmentForm({ ...TREATMENT, type: 'dentistry', description: 'x'.repeat(2001) }),
      EMPTY,
      PROGRAM,
      'complete',
    );
    expect(refused).toEqual({
      type: 'Choose one of the listed types of treatment.',
      description: 'The description can be at most 2000 characters long; shorten it.',
    });
  });

  it('refuses a family member with a relation not on the list or a missing name, and one more than the contract allows', () => {
    expect(checks.member(readMemberForm({ ...MEMBER, relation: 'cousin', givenName: '' }), EMPTY)).toEqual({
      relation: 'Choose one of the listed relations.',
      givenName: "Enter the family member's given name.",
    });
    const full: DraftData = { ...EMPTY, familyMembers: Array.from({ length: 20 }, () => ({ ...MEMBER, occupation: undefined })) };
    expect(checks.limitReached(full, 'familyMembers')).toBe('You can add up to 20 family members.');
    expect(checks.limitReached({ ...full, familyMembers: full.familyMembers?.slice(1) }, 'familyMembers')).toBeUndefined();
    expect(checks.member(readMemberForm(MEMBER), full)).toEqual({ relation: 'You can add up to 20 family members.' });
  });

  it('lists on the review what each step still needs, then what else the contract refuses', () => {
    const problems = checks.draft(
      {
        ...EMPTY,
        treatment: { type: 'surgery', description: 'Appendectomy.', estimatedCost: '800', currency: 'KES' },
        applicant: { ...PERSON, gender: undefined, address: { region: 'Coast' } },
        familyMembers: [{ relation: 'child', givenName: 'Zawadi' }],
        documents: [
          { documentId: '6f1c1f7e-3f0a-4d8e-9b7a-2c4d5e6f7a8b', kind: 'medical-report' },
          { documentId: 'not-an-id', kind: 'other' },
        ],
      },
      PROGRAM,
    );
    expect(problems).toEqual([
      { step: 'person', field: 'gender', message: 'Choose your gender, or "Prefer not to say".' },
      { step: 'family', field: 'member-1', message: "Family member 1: Enter the family member's family name." },
      { step: 'family', field: 'member-1', message: 'Family member 1: Choose their gender, or "Prefer not to say".' },
      { step: 'family', field: 'member-1', message: 'Family member 1: Enter their birth date.' },
      { step: 'documents', field: undefined, message: 'A document cannot be attached; remove it and upload it again.' },
    ]);
  });

  it('offers exactly the genders, relations and kinds of payment account the contract allows', () => {
    const schemas = spec.components?.schemas as Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }>;
    expect([...GENDERS]).toEqual(schemas.Gender?.enum);
    expect([...RELATIONS]).toEqual(schemas.Relation?.enum);
    expect([...PAYMENT_ACCOUNT_KINDS]).toEqual(schemas.PaymentAccountKind?.enum);
  });
});
