/** The fraud signals panel: each signal's evidence in plain words, and a link only where the officer may follow it. */
import { describe, expect, it } from '@jest/globals';
import type { Request } from 'express';
import { loadMessages } from '../../../../src/platform/i18n/catalogs.js';
import type { LoadedApplicationPage } from '../../../../src/web/officer/application-view.js';
import { presentSignalsPanel } from '../../../../src/web/officer/signals-panel.js';

const t = loadMessages('locales').translatorFor('en');
const req = { t } as unknown as Request;
const APPLICATION = '7d1f0c52-8b8e-4a59-9d3a-2f7f6f0b1c11';
const OPENABLE = '2b5e9c1a-3f4d-4e6a-8b7c-9d0e1f2a3b4c';
const HIDDEN = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const DOCUMENT = '0c4f3e2d-1b0a-4987-a6b5-c4d3e2f1a0b9';
const related = (applicationId: string, reference: string) => ({
  applicationId,
  reference,
  status: 'IN_REVIEW' as const,
  submittedAt: '2026-11-28T08:00:00.000Z',
  link: `/api/v1/applications/${applicationId}`,
});

/** Only what the panel reads of the loaded page. */
function loadedWith(signals: LoadedApplicationPage['signals']): LoadedApplicationPage {
  return {
    application: {
      id: APPLICATION,
      treatment: { currency: 'USD' },
      documents: [{ documentId: DOCUMENT, fileName: 'invoice.pdf', kind: 'medical-report' }],
    },
    signals,
    openable: new Map([[OPENABLE, 'IA-9PX-4TRW']]),
    dates: { locale: 'en-GB', timeZone: 'Africa/Nairobi' },
    locale: 'en-GB',
  } as unknown as LoadedApplicationPage;
}

describe('presentSignalsPanel', () => {
  it('links the other application only when the officer may open it', () => {
    const panel = presentSignalsPanel(
      req,
      loadedWith([
        {
          key: `same-person.${OPENABLE}`,
          kind: 'same-person',
          evidence: { matchedOn: ['registrant'] },
          related: related(OPENABLE, 'IA-9PX-4TRW'),
        },
        {
          key: `same-household.${HIDDEN}`,
          kind: 'same-household',
          evidence: { matchedOn: ['applicant-is-family-member'] },
          related: related(HIDDEN, 'IA-2QW-8ZZK'),
        },
      ]),
    );
    expect(
      panel.items.map((i) => ({ title: i.title, evidence: i.evidence, href: i.related?.href, reference: i.related?.reference })),
    ).toEqual([
      {
        title: 'The same person applied again',
        evidence: ['Same registry record.'],
        href: `/officer/applications/${OPENABLE}`,
        reference: 'IA-9PX-4TRW',
      },
      {
        title: 'Someone of the same household applied',
        evidence: ['This applicant is listed as a family member there.'],
        href: undefined,
        reference: 'IA-2QW-8ZZK',
      },
    ]);
    expect(panel.items[0]?.anchor).toBe(`signal-same-person-${OPENABLE}`);
  });

  it('says a shared document by its name here, a shared phone or payment account, and a cost far from the usual with its figures', () => {
    const panel = presentSignalsPanel(
      req,
      loadedWith([
        {
          key: `shared-document.${OPENABLE}`,
          kind: 'shared-document',
          evidence: { documents: [{ documentId: DOCUMENT, kind: 'medical-report' }] },
        },
        { key: `shared-phone.${HIDDEN}`, kind: 'shared-phone', evidence: { registrantId: HIDDEN } },
        {
          key: `shared-payment-account.${HIDDEN}`,
          kind: 'shared-payment-account',
          evidence: { registrantId: HIDDEN, registrantCount: 3 },
        },
        {
          key: 'cost-outlier',
          kind: 'cost-outlier',
          evidence: { cost: { estimatedCost: '25000.00', median: '1450.00', mad: '250.00', score: 63.5, sampleSize: 12 } },
        },
      ]),
    );
    expect(panel.items.map((i) => i.evidence)).toEqual([
      ['invoice.pdf (Medical report) has the same content as a document of the other application.'],
      ['The applicant’s phone number is also on another person’s registry record.'],
      ['The applicant’s payment account is also on 3 other people’s registry records.'],
      [
        'Estimated cost USD\u00a025,000; the usual cost of this treatment is USD\u00a01,450 ' +
          '(typical spread USD\u00a0250), from 12 past applications.',
      ],
    ]);
  });

  it('says each refused attempt to link an ID held by another account by its date alone', () => {
    const TRIED = 'This applicant tried to link an ID already linked to another registrant’s account,';
    const panel = presentSignalsPanel(
      req,
      loadedWith([
        {
          key: 'id-linked-elsewhere',
          kind: 'id-linked-elsewhere',
          evidence: { linkAttempts: ['2026-12-02T07:30:00.000Z', '2026-11-30T18:05:00.000Z'] },
        },
      ]),
    );
    expect(panel.items.map((i) => ({ title: i.title, evidence: i.evidence, anchor: i.anchor }))).toEqual([
      {
        title: 'The applicant tried to link an ID already linked to another account',
        evidence: [`${TRIED} on 2 December 2026 at 10:30 East Africa Time.`, `${TRIED} on 30 November 2026 at 21:05 East Africa Time.`],
        anchor: 'signal-id-linked-elsewhere',
      },
    ]);
  });

  it('shows who reviewed a signal, and keeps a refused note next to its field', () => {
    const signals: LoadedApplicationPage['signals'] = [
      {
        key: 'cost-outlier',
        kind: 'cost-outlier',
        evidence: {},
        review: {
          signalKey: 'cost-outlier',
          note: 'Checked.',
          reviewedBy: { subject: 's', displayName: 'Samuel Mensah' },
          reviewedAt: '2026-12-01T10:20:00.000Z',
        },
      },
      { key: `same-person.${OPENABLE}`, kind: 'same-person', evidence: { matchedOn: [] } },
    ];
    const panel = presentSignalsPanel(req, loadedWith(signals), {
      typed: { key: `same-person.${OPENABLE}`, note: ' ', error: 'Write a note.' },
    });
    expect(panel.items[0]?.review).toEqual({
      words: 'Reviewed by Samuel Mensah on 1 December 2026 at 13:20 East Africa Time:',
      note: 'Checked.',
    });
    expect(panel.summary).toEqual([{ message: 'Write a note.', href: `#f-note-signal-same-person-${OPENABLE}` }]);
    expect(panel.items[1]?.note).toBe(' ');
  });
});
