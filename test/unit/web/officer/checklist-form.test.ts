/** The stage's checklist in the decision form: what it sends, what the page asks for, where each refusal is said. */
import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../../../src/platform/http/errors.js';
import { loadMessages } from '../../../../src/platform/i18n/catalogs.js';
import {
  checkChecklistAnswers,
  explainChecklistRefusal,
  readChecklistAnswers,
  toChecklistInput,
} from '../../../../src/web/officer/checklist-form.js';

const t = loadMessages('locales').translatorFor('en');
const ITEMS = [
  { code: 'resident', label: 'Lives in the region' },
  { code: 'urgent', label: 'Cannot wait' },
];

describe('readChecklistAnswers and checkChecklistAnswers', () => {
  it('reads yes or no for each item of the stage, and nothing else', () => {
    const answers = readChecklistAnswers({ 'checklist-resident': 'yes', 'checklist-urgent': 'maybe', 'checklist-other': 'no' }, ITEMS);
    expect(answers).toEqual({ resident: 'yes', urgent: '' });
  });

  it('asks for every unanswered item at once', () => {
    const answers = readChecklistAnswers({}, ITEMS);
    expect(checkChecklistAnswers(answers, ITEMS, { decision: 'reject', reasonText: 'x' }, t)).toEqual({
      items: { resident: 'Answer “Lives in the region”: yes or no.', urgent: 'Answer “Cannot wait”: yes or no.' },
    });
  });

  it('asks for words to approve over a "no", and sends the answers as booleans', () => {
    const answers = readChecklistAnswers({ 'checklist-resident': 'yes', 'checklist-urgent': 'no' }, ITEMS);
    expect(checkChecklistAnswers(answers, ITEMS, { decision: 'approve', reasonText: '' }, t)).toEqual({
      items: {},
      reasonText: '“Cannot wait” is answered no: write why you approve anyway.',
    });
    expect(checkChecklistAnswers(answers, ITEMS, { decision: 'approve', reasonText: 'It can wait a week.' }, t)).toEqual({ items: {} });
    expect(checkChecklistAnswers(answers, ITEMS, { decision: 'reject', reasonText: '' }, t)).toEqual({ items: {} });
    expect(toChecklistInput(answers)).toEqual({ resident: true, urgent: false });
  });
});

describe('explainChecklistRefusal', () => {
  it('puts an unanswered item refused by the service at that item', () => {
    const refused = new InputError(
      'x',
      [{ path: '/body/checklist/urgent', message: 'is not answered' }],
      'ERR_APPROVAL_CHECKLIST_UNANSWERED',
    );
    expect(explainChecklistRefusal(refused, ITEMS, t)).toEqual({ items: { urgent: 'Answer “Cannot wait”: yes or no.' } });
  });

  it('puts approving over a "no" without words at the reason in words', () => {
    const refused = new InputError('x', [{ path: '/body/reasonText', message: 'required' }], 'ERR_APPROVAL_CHECKLIST_NO_REASON');
    expect(explainChecklistRefusal(refused, ITEMS, t)).toEqual({
      items: {},
      reasonText: 'An item of the checklist is answered no: write why you approve anyway.',
    });
  });

  it('leaves any other refusal to the decision form', () => {
    const other = new InputError('x', [{ path: '/body/checklist/x', message: 'unknown' }], 'ERR_APPROVAL_CHECKLIST_ITEM_UNKNOWN');
    expect(explainChecklistRefusal(other, ITEMS, t)).toBeUndefined();
  });
});
