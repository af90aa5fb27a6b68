/** The officer's decision form: what the page checks itself, and where each refusal of the service is said. */
import { describe, expect, it } from '@jest/globals';
import { loadMessages } from '../../../../src/platform/i18n/catalogs.js';
import { ConflictError, ForbiddenError, InputError, UnprocessableError } from '../../../../src/platform/http/errors.js';
import { checkDecisionForm, explainRefusal, readDecisionForm, toDecisionInput } from '../../../../src/web/officer/decision-form.js';

const t = loadMessages('locales').translatorFor('en');
const LIMITS = { maximum: 'USD 5,000', estimatedCost: 'USD 1,200.50' };

describe('readDecisionForm and checkDecisionForm', () => {
  it('asks for a decision and a reason, and for words to reject', () => {
    expect(checkDecisionForm(readDecisionForm({}), false, t)).toEqual({
      decision: 'Choose whether to approve or reject.',
      reasonCode: 'Choose one of the program’s reasons.',
    });
    expect(checkDecisionForm(readDecisionForm({ decision: 'reject', reasonCode: 'not-eligible', reasonText: '  ' }), false, t)).toEqual({
      reasonText: 'Write why the application is rejected.',
    });
  });

  it('asks an assessment for an amount of money, read as officers type it', () => {
    const approve = { decision: 'approve', reasonCode: 'eligible' };
    expect(checkDecisionForm(readDecisionForm(approve), true, t)).toEqual({ amount: 'Enter the amount of the benefit.' });
    expect(checkDecisionForm(readDecisionForm({ ...approve, amount: '-5' }), true, t)).toEqual({
      amount: 'Enter the amount as a number, such as 1100 or 1100.50.',
    });
    const typed = readDecisionForm({ ...approve, amount: ' 1,100.50 ' });
    expect(checkDecisionForm(typed, true, t)).toEqual({});
    expect(toDecisionInput(typed)).toEqual({ decision: 'approve', reasonCode: 'eligible', amount: '1100.50' });
    // A review stage sends no amount the officer did not type.
    expect(toDecisionInput(readDecisionForm(approve))).toEqual({ decision: 'approve', reasonCode: 'eligible' });
  });
});

describe('explainRefusal', () => {
  it('puts each refusal about a field next to that field, with the values in its words', () => {
    const over = new UnprocessableError('above', 'ERR_APPROVAL_AMOUNT_OVER_MAXIMUM');
    expect(explainRefusal(over, LIMITS, t)).toEqual({
      fields: { amount: 'Enter an amount of at most USD 5,000, the program’s maximum.' },
    });
    const estimate = new UnprocessableError('above', 'ERR_APPROVAL_AMOUNT_OVER_ESTIMATE');
    expect(explainRefusal(estimate, LIMITS, t).fields).toEqual({
      overrideReason: 'The amount is above the estimated cost of USD 1,200.50: give an override reason, or lower the amount.',
    });
    const override = new InputError('no', [{ path: '/body/overrideReason', message: 'x' }], 'ERR_APPROVAL_AMOUNT_NOT_ASSESSED_HERE');
    expect(explainRefusal(override, LIMITS, t).fields).toEqual({ overrideReason: 'Leave the override reason empty to reject.' });
  });

  it('says a refusal about no field above the form, in the words of its code', () => {
    expect(explainRefusal(new ForbiddenError('x', 'ERR_APPROVAL_SECOND_STAGE'), LIMITS, t)).toEqual({
      fields: {},
      general: {
        title: 'You already decided another stage of this application',
        explanation: expect.stringContaining('One person decides at most one stage'),
      },
    });
    expect(explainRefusal(new ConflictError('x', 'ERR_PROPOSAL_DECIDED'), LIMITS, t).general?.title).toBe(
      t('problem.ERR_PROPOSAL_DECIDED.title'),
    );
  });
});
