/** Registry rows and their API shapes. */
import type { components } from '../../generated/openapi.js';

export type Registrant = components['schemas']['Registrant'];
export type RegistrantInput = components['schemas']['RegistrantInput'];
export type RegistrantPatch = components['schemas']['RegistrantPatch'];
export type RegistrantChange = components['schemas']['RegistrantChange'];
export type FamilyMemberInput = components['schemas']['FamilyMemberInput'];
export type PersonDetails = components['schemas']['PersonDetails'];
export type IdType = components['schemas']['IdType'];
export type Gender = components['schemas']['Gender'];
export type RegistryField = components['schemas']['RegistryField'];
export type RegistryValue = components['schemas']['RegistryValue'];
export type PaymentAccount = components['schemas']['PaymentAccount'];

/** The registrant's own columns among the fields; `family_members` is the family as a whole. */
export type RegistryColumn = Exclude<RegistryField, 'family_members'>;

/**
 * A value an applicant sent for a field an officer verified, which the registry kept: the value sent and
 * the registry's at the time. Never in events (personal data).
 */
export interface ProposedChange {
  field: RegistryField;
  proposedValue: RegistryValue;
  registryValue: RegistryValue;
}

/** A field's value before and after a change, as `registrant_changes` records it. */
export type Change = { from: unknown; to: unknown };

export interface RegistrantRow {
  id: string;
  id_type: IdType;
  id_value: string;
  given_name: string;
  family_name: string;
  gender: Gender;
  birth_date: string;
  occupation: string | null;
  region: string;
  district: string | null;
  locality: string | null;
  address_line: string | null;
  phone: string | null;
  email: string | null;
  /** The three parts of the payment account: all set, or all null. */
  payment_account_kind: PaymentAccount['kind'] | null;
  payment_account_number: string | null;
  payment_account_provider: string | null;
  /** The fields an officer last set or confirmed; an application never overwrites them. */
  verified_fields: RegistryField[];
  /** Set once the registrant was merged into another (the same person): the one that stays. */
  merged_into: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface FamilyMemberRow {
  id: string;
  registrant_id: string;
  position: number;
  relation: FamilyMemberInput['relation'];
  given_name: string;
  family_name: string;
  gender: Gender;
  birth_date: string;
  occupation: string | null;
}

/** Whole years between a birth date (YYYY-MM-DD) and today. */
export function ageOn(birthDate: string, today: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - year;
  const beforeBirthday = today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return Math.max(0, age);
}

function withOptional<T extends object>(target: T, values: Record<string, string | null | undefined>): T {
  for (const [key, value] of Object.entries(values))
    if (value !== null && value !== undefined && value !== '') Object.assign(target, { [key]: value });
  return target;
}

export function toRegistrant(row: RegistrantRow, family: FamilyMemberRow[], today: Date): Registrant {
  const address = withOptional({ region: row.region } as Registrant['address'], {
    district: row.district,
    locality: row.locality,
    line: row.address_line,
  });
  const registrant: Registrant = {
    id: row.id,
    idType: row.id_type,
    idValue: row.id_value,
    givenName: row.given_name,
    familyName: row.family_name,
    gender: row.gender,
    birthDate: row.birth_date,
    age: ageOn(row.birth_date, today),
    address,
    familyMembers: family.map((member) =>
      withOptional(
        {
          id: member.id,
          relation: member.relation,
          givenName: member.given_name,
          familyName: member.family_name,
          gender: member.gender,
          birthDate: member.birth_date,
          age: ageOn(member.birth_date, today),
        },
        { occupation: member.occupation },
      ),
    ),
    verifiedFields: row.verified_fields,
    ...(row.merged_into ? { mergedInto: row.merged_into } : {}),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (row.payment_account_kind && row.payment_account_number && row.payment_account_provider) {
    registrant.paymentAccount = {
      kind: row.payment_account_kind,
      number: row.payment_account_number,
      provider: row.payment_account_provider,
    };
  }
  return withOptional(registrant, { occupation: row.occupation, phone: row.phone, email: row.email });
}

/** The registry fields a person's details map to, for inserts, updates and change records (stored as sent). */
export function columnsOf(details: Partial<PersonDetails>): Record<string, string | null> {
  const columns: Record<string, string | null> = {};
  const set = (column: string, value: string | undefined, present: boolean) => {
    if (present) columns[column] = value === undefined || value === '' ? null : value;
  };
  set('given_name', details.givenName, 'givenName' in details);
  set('family_name', details.familyName, 'familyName' in details);
  set('gender', details.gender, 'gender' in details);
  set('birth_date', details.birthDate, 'birthDate' in details);
  set('occupation', details.occupation, 'occupation' in details);
  set('phone', details.phone, 'phone' in details);
  set('email', details.email, 'email' in details);
  // One field for a person, three for the registry: each part is changed, verified and proposed on its own.
  if (details.paymentAccount) {
    set('payment_account_kind', details.paymentAccount.kind, true);
    set('payment_account_number', details.paymentAccount.number, true);
    set('payment_account_provider', details.paymentAccount.provider, true);
  }
  if (details.address) {
    set('region', details.address.region, true);
    set('district', details.address.district, true);
    set('locality', details.address.locality, true);
    set('address_line', details.address.line, true);
  }
  return columns;
}

/** The fields a set of columns (from {@link columnsOf}) and, when sent, the family stand for. */
export function fieldsNamed(columns: Record<string, string | null>, family: boolean): RegistryField[] {
  const fields = Object.keys(columns) as RegistryColumn[];
  return family ? [...fields, 'family_members'] : fields;
}
