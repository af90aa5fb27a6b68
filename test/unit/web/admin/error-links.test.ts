/**
 * Each admin form's "There is a problem" list links every refused field to the id its template gives
 * that field, in the order the form shows them.
 */
import { describe, expect, it } from '@jest/globals';
import { linkGroupErrors, linkProgramErrors, linkReassignmentErrors, linkStageErrors } from '../../../../src/web/admin/error-links.js';

describe('the admin error summary links', () => {
  it('lists program fields in the form order, rows of the code lists by their own inputs', () => {
    const links = linkProgramErrors({
      'reasonCodes.0.label': 'Enter a label.',
      'treatmentTypes.1.code': 'Codes use lower-case letters.',
      currency: 'Enter a three-letter currency code.',
      treatmentTypes: 'List at least one treatment type.',
      name: 'Enter a name.',
    });
    expect(links).toEqual([
      { message: 'Enter a name.', href: '#program-name' },
      { message: 'Enter a three-letter currency code.', href: '#program-currency' },
      { message: 'Codes use lower-case letters.', href: '#treatmentType-1-code' },
      { message: 'List at least one treatment type.', href: '#treatmentType-0-code' },
      { message: 'Enter a label.', href: '#reasonCode-0-label' },
    ]);
  });

  it('leaves the whole-form message to the banner and lists a field the page does not show without a link', () => {
    expect(linkProgramErrors({ form: 'This page is out of date.', state: 'Choose to open or to close.' })).toEqual([
      { message: 'Choose to open or to close.' },
    ]);
  });

  it('links stage fields under the id prefix of the form that was sent', () => {
    expect(linkStageErrors('new-stage', { 'officer.ref': 'There is no user “jooy”.', kind: 'Choose review or assessment.' })).toEqual([
      { message: 'Choose review or assessment.', href: '#new-stage-kind-review' },
      { message: 'There is no user “jooy”.', href: '#new-stage-officer-ref' },
    ]);
    expect(linkStageErrors('stage-1', { name: 'Enter a stage name.' })).toEqual([
      { message: 'Enter a stage name.', href: '#stage-1-name' },
    ]);
  });

  it("links a stage's checklist rows by their own inputs, after the officer and before the position", () => {
    expect(
      linkStageErrors('stage-1', {
        position: 'Enter a whole number.',
        'checklist.2.code': 'The checklist names “resident” twice.',
        checklist: 'Keep the checklist to 20 items at most.',
        'officer.ref': 'There is no user “jooy”.',
      }),
    ).toEqual([
      { message: 'There is no user “jooy”.', href: '#stage-1-officer-ref' },
      { message: 'The checklist names “resident” twice.', href: '#stage-1-checklist-2-code' },
      { message: 'Keep the checklist to 20 items at most.', href: '#stage-1-checklist-0-code' },
      { message: 'Enter a whole number.', href: '#stage-1-position' },
    ]);
  });

  it('links the reassignment fields: the officer, then which applications', () => {
    expect(linkReassignmentErrors({ reference: 'No application has that reference.', 'officer.ref': 'Enter a user name.' })).toEqual([
      { message: 'Enter a user name.', href: '#reassign-officer-ref' },
      { message: 'No application has that reference.', href: '#reassign-reference' },
    ]);
  });

  it('links group fields', () => {
    expect(linkGroupErrors({ members: 'Pedro is not a reviewer.', code: 'Use 2 to 64 letters.' })).toEqual([
      { message: 'Use 2 to 64 letters.', href: '#group-code' },
      { message: 'Pedro is not a reviewer.', href: '#group-members' },
    ]);
  });
});
