/**
 * A registrant as a DCI social registry record (`spdci:Member`, its family as `member_list` for a Group answer),
 * holding only the fields the partner's agreement allows. The registry's own id is always there (`@id`, a
 * `urn:uuid:`): it names the record without saying anything about the person, and a partner follows it later.
 */
import type { Registrant } from '../registry/index.js';

/** The field names a partner's `allowedFields` may list. */
export const ALLOWED_FIELD_NAMES = [
  'identifier',
  'name',
  'sex',
  'birth_date',
  'age',
  'address',
  'phone',
  'email',
  'occupation',
  'members',
] as const;

export type AllowedField = (typeof ALLOWED_FIELD_NAMES)[number];

export function isAllowedFieldName(value: string): value is AllowedField {
  return (ALLOWED_FIELD_NAMES as readonly string[]).includes(value);
}

/** Our ID types as DCI identifier types (the spec leaves their names to each implementation). */
export const IDENTIFIER_TYPES: Record<Registrant['idType'], string> = {
  NATIONAL_ID: 'NATIONAL_ID',
  PASSPORT: 'PASSPORT',
  BIRTH_CERTIFICATE: 'BIRTH_CERTIFICATE',
  REFUGEE_ID: 'REFUGEE_ID',
  OTHER: 'OTHER',
};

type RecordValue = Record<string, unknown>;

function person(
  allowed: ReadonlySet<AllowedField>,
  fields: { givenName: string; familyName: string; gender: string; birthDate: string; age: number; occupation?: string | undefined },
): RecordValue {
  return {
    '@type': 'SRPerson',
    ...(allowed.has('name') ? { name: { '@type': 'Name', surname: fields.familyName, given_name: fields.givenName } } : {}),
    ...(allowed.has('sex') ? { sex: fields.gender } : {}),
    ...(allowed.has('birth_date') ? { birth_date: fields.birthDate } : {}),
    ...(allowed.has('age') ? { age: fields.age } : {}),
    ...(allowed.has('occupation') && fields.occupation !== undefined ? { occupation: fields.occupation } : {}),
  };
}

export function recordOf(registrant: Registrant, allowed: ReadonlySet<AllowedField>, entity: 'Member' | 'Group'): RecordValue {
  const identifier = allowed.has('identifier')
    ? [{ '@type': 'Identifier', identifier_type: IDENTIFIER_TYPES[registrant.idType], identifier_value: registrant.idValue }]
    : undefined;
  const { address } = registrant;
  const demographic: RecordValue = {
    ...person(allowed, registrant),
    ...(identifier ? { identifier } : {}),
    ...(allowed.has('address')
      ? {
          address: {
            '@type': 'Address',
            region: address.region,
            ...(address.district ? { district: address.district } : {}),
            ...(address.locality ? { city: address.locality } : {}),
            ...(address.line ? { street_address: address.line } : {}),
          },
        }
      : {}),
    ...(allowed.has('phone') && registrant.phone ? { phone_number: registrant.phone } : {}),
    ...(allowed.has('email') && registrant.email ? { email: registrant.email } : {}),
  };
  const member: RecordValue = {
    '@type': 'spdci:Member',
    '@id': `urn:uuid:${registrant.id}`,
    ...(identifier ? { member_identifier: identifier } : {}),
    demographic_info: demographic,
  };
  if (entity === 'Member') return member;
  return {
    '@type': 'spdci:Group',
    '@id': `urn:uuid:${registrant.id}`,
    group_size: registrant.familyMembers.length + 1,
    group_head_info: member,
    ...(allowed.has('members')
      ? {
          member_list: registrant.familyMembers.map((familyMember) => ({
            '@type': 'spdci:Member',
            '@id': `urn:uuid:${familyMember.id}`,
            relationship: familyMember.relation,
            demographic_info: person(allowed, familyMember),
          })),
        }
      : {}),
  };
}
