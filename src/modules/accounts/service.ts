/** A user's own preferences, keyed by the identity provider's subject. */
import type { components } from '../../generated/openapi.js';
import { UserPreferences, type ContactChannel, type Language } from './models.js';

export type Preferences = components['schemas']['Preferences'];
export type PreferencesInput = components['schemas']['PreferencesInput'];

const DEFAULT_PREFERENCES = { language: 'en', contactChannel: 'email' } as const;

function toPreferences(row: UserPreferences | null): Preferences {
  if (!row) return { ...DEFAULT_PREFERENCES, updatedAt: null };
  return { language: row.language, contactChannel: row.contactChannel, updatedAt: row.updatedAt.toISOString() };
}

export async function readPreferences(subject: string): Promise<Preferences> {
  return toPreferences(await UserPreferences.findByPk(subject));
}

export interface SavePreferencesOptions {
  subject: string;
  input: PreferencesInput;
  now?: () => Date;
}

export async function savePreferences({ subject, input, now = () => new Date() }: SavePreferencesOptions): Promise<Preferences> {
  const [row] = await UserPreferences.upsert(
    { subject, language: input.language as Language, contactChannel: input.contactChannel as ContactChannel, updatedAt: now() },
    { returning: true },
  );
  return toPreferences(row);
}
