/**
 * A notice in words: the program's own template for its kind and language when it has one, otherwise the
 * catalog's (`locales/<lang>/notifications.json`, `notice.<kind>.subject` and `.body`). Languages without a
 * catalog are written in English.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Messages } from '../../platform/i18n/catalogs.js';
import { isPageLanguage, type PageLanguage } from '../../platform/i18n/languages.js';
import type { Notice, NoticeKind } from './models.js';

export interface ProgramTemplate {
  subject: string;
  body: string;
}

export interface RenderedNotice {
  subject: string;
  /** The email's text. */
  text: string;
  /** The SMS: the subject and, where there is one, the link. */
  short: string;
}

export interface RenderNoticeOptions {
  messages: Messages;
  notice: Pick<Notice, 'kind' | 'values'>;
  language: string;
  /** The program's own template for this kind and language, if it set one. */
  template?: ProgramTemplate;
}

export function messageLanguageOf(language: string | undefined): PageLanguage {
  return isPageLanguage(language) ? language : 'en';
}

export function renderNotice({ messages, notice, language, template }: RenderNoticeOptions): RenderedNotice {
  const lang = messageLanguageOf(language);
  const values = notice.values;
  let subject: string;
  let text: string;
  if (template) {
    subject = formatTemplate(template.subject, lang, values);
    text = formatTemplate(template.body, lang, values);
  } else {
    const t = messages.translatorFor(lang);
    subject = t(`notice.${notice.kind}.subject`, values);
    text = t(`notice.${notice.kind}.body`, values);
  }
  const link = typeof values.link === 'string' ? values.link : undefined;
  return { subject, text, short: link ? `${subject} ${link}` : subject };
}

function formatTemplate(message: string, language: PageLanguage, values: Record<string, string | number>): string {
  return String(new IntlMessageFormat(message, language, undefined, { ignoreTag: true }).format(values));
}

/** The names a template uses, or a reason it cannot be used: checked when a program saves its own. */
export function checkTemplateText(kind: NoticeKind, text: string, allowed: readonly string[]): string | undefined {
  let format: IntlMessageFormat;
  try {
    format = new IntlMessageFormat(text, 'en', undefined, { ignoreTag: true });
  } catch {
    return 'is not a valid message (check the braces)';
  }
  const used = namesIn(format.getAst());
  const unknown = used.filter((name) => !allowed.includes(name));
  if (unknown.length > 0) return `uses {${unknown.join('}, {')}}, which ${kind} does not have (it has {${allowed.join('}, {')}})`;
  return undefined;
}

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

function namesIn(elements: Element[], into: string[] = []): string[] {
  for (const element of elements) {
    if ('value' in element && typeof element.value === 'string' && element.type !== 0) into.push(element.value);
    if ('options' in element && element.options) {
      for (const option of Object.values(element.options)) namesIn((option as { value: Element[] }).value, into);
    }
  }
  return into;
}
