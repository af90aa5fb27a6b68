/** Birth dates as people type them: checked against today, shared by the registry, applications and the portal's forms. */
import type { FieldError } from '../../platform/http/errors.js';
import type { FamilyMemberInput } from './models.js';

const MAX_AGE_YEARS = 130;

/** Where a person's and their family's fields sit in the input, for field errors. */
export interface BirthDatePaths {
  person: string;
  family: string;
}

/** Birth dates in the future or implausibly far back are mistakes; say which field. */
export function checkBirthDates(
  details: { birthDate?: string },
  family: FamilyMemberInput[] | undefined,
  today: Date,
  paths: BirthDatePaths,
): FieldError[] {
  const errors: FieldError[] = [];
  const todayText = today.toISOString().slice(0, 10);
  const earliest = `${today.getUTCFullYear() - MAX_AGE_YEARS}${todayText.slice(4)}`;
  const check = (path: string, value: string | undefined) => {
    if (value === undefined) return;
    if (value > todayText) errors.push({ path, message: 'must not be in the future' });
    else if (value < earliest) errors.push({ path, message: `must be within the last ${MAX_AGE_YEARS} years` });
  };
  check(`${paths.person}/birthDate`, details.birthDate);
  family?.forEach((member, index) => check(`${paths.family}/${index}/birthDate`, member.birthDate));
  return errors;
}
