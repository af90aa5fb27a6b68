export const LANGUAGES = ['en', 'fr', 'es', 'pt', 'ar', 'sw'] as const;
export const CONTACT_CHANNELS = ['email', 'sms', 'none'] as const;
export type Language = (typeof LANGUAGES)[number];
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export interface PreferencesRow {
  subject: string;
  language: Language;
  contact_channel: ContactChannel;
  updated_at: Date;
}
