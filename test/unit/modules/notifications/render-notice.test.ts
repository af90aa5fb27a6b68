import { describe, expect, it } from '@jest/globals';
import { loadMessages } from '../../../../src/platform/i18n/catalogs.js';
import { NOTICE_KINDS, NOTICE_VALUES } from '../../../../src/modules/notifications/models.js';
import { checkTemplateText, renderNotice } from '../../../../src/modules/notifications/render-notice.js';

const messages = loadMessages('locales');
const VALUES = {
  name: 'Amina',
  reference: 'IA-7KQ-M3XD',
  program: 'P',
  stage: 'S',
  reason: 'R',
  amount: '1 USD',
  remaining: '0 USD',
  claim: 'C',
  count: 3,
  link: 'https://x/y',
};

describe('renderNotice', () => {
  it('writes every kind in English, French and Arabic with its own values only', () => {
    for (const kind of NOTICE_KINDS) {
      for (const language of ['en', 'fr', 'ar']) {
        const values = Object.fromEntries(NOTICE_VALUES[kind].map((name) => [name, VALUES[name as keyof typeof VALUES]]));
        const rendered = renderNotice({ messages, notice: { kind, values }, language });
        expect(rendered.subject).not.toMatch(/[{}]/);
        expect(rendered.text).toContain('https://x/y');
        expect(rendered.short).toBe(`${rendered.subject} https://x/y`);
      }
    }
  });

  it('writes a language without a catalog in English, and uses a program template in place of the catalog', () => {
    const notice = { kind: 'officer-digest' as const, values: { name: 'Joy', count: 1, link: 'https://x/officer' } };
    expect(renderNotice({ messages, notice, language: 'sw' }).subject).toBe('1 application waits for you');
    const template = { subject: '{count, plural, one {# file} other {# files}} for {name}', body: 'Open {link}' };
    expect(renderNotice({ messages, notice, language: 'en', template })).toMatchObject({
      subject: '1 file for Joy',
      text: 'Open https://x/officer',
    });
  });
});

describe('checkTemplateText', () => {
  it('takes a message using the kind’s values, also inside a plural', () => {
    expect(
      checkTemplateText('officer-digest', '{count, plural, one {# for {name}} other {#}}', NOTICE_VALUES['officer-digest']),
    ).toBeUndefined();
  });

  it('names a value the kind does not have, even inside a plural, and a message that does not compile', () => {
    expect(checkTemplateText('officer-digest', '{count, plural, one {#} other {{nationalId}}}', NOTICE_VALUES['officer-digest'])).toMatch(
      /\{nationalId\}/,
    );
    expect(checkTemplateText('voucher-issued', 'Hello {name', NOTICE_VALUES['voucher-issued'])).toMatch(/not a valid message/);
  });
});
