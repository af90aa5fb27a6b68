/** A refused change becomes the page's words: the form's own messages, else the service's, said in the page's language. */
import { describe, expect, it } from '@jest/globals';
import { loadMessages } from '../../../../src/platform/i18n/catalogs.js';
import { ConflictError, InputError } from '../../../../src/platform/http/errors.js';
import { FormInputError } from '../../../../src/web/admin/forms.js';
import { attempt } from '../../../../src/web/admin/outcome.js';

const messages = loadMessages('locales');
const en = { t: messages.translatorFor('en'), language: 'en' as const };
const fr = { t: messages.translatorFor('fr'), language: 'fr' as const };

function refusalOf(error: Error, words: typeof en | typeof fr) {
  return attempt(() => {
    throw error;
  }, words).then((outcome) => (outcome.ok ? undefined : outcome.refusal));
}

describe('the words of a refused admin change', () => {
  it('says a stale version with the code’s title, in the page’s language', async () => {
    await expect(refusalOf(new ConflictError('stale', 'ERR_VERSION_CONFLICT'), en)).resolves.toMatchObject({
      status: 409,
      conflict: true,
      message: 'Changed by someone else since you read it: here is the current version.',
    });
    await expect(refusalOf(new ConflictError('stale', 'ERR_VERSION_CONFLICT'), fr)).resolves.toMatchObject({
      message: fr.t('admin.conflict.current', { title: fr.t('problem.ERR_VERSION_CONFLICT.title') }),
    });
  });

  it('keeps the service’s English sentence in English and says the code’s explanation in French, at the same field', async () => {
    const unknownGroup = () => new InputError('No officer group "night"; create it first.', [], 'ERR_OFFICER_GROUP_UNKNOWN');
    await expect(refusalOf(unknownGroup(), en)).resolves.toEqual({
      status: 400,
      conflict: false,
      message: undefined,
      fields: { 'officer.ref': 'No officer group "night"; create it first.' },
    });
    await expect(refusalOf(unknownGroup(), fr)).resolves.toEqual({
      status: 400,
      conflict: false,
      message: undefined,
      fields: { 'officer.ref': fr.t('problem.ERR_OFFICER_GROUP_UNKNOWN.explanation') },
    });
  });

  it('shows the form’s own messages as they are: already in the page’s language', async () => {
    const refused = new FormInputError(fr.t('admin.fix.form'), [{ path: '/body/name', message: fr.t('admin.fix.stage.name') }]);
    await expect(refusalOf(refused, fr)).resolves.toMatchObject({ fields: { name: fr.t('admin.fix.stage.name') }, message: undefined });
  });
});
