/**
 * Officers are people, known by the identity provider's subject. A manager names them by user name (or
 * subject); before anything is stored, each is looked up in the directory and must exist, be enabled and
 * hold an officer role. What the provider said about them is kept in `officers`, so pages and the API
 * show names without asking the provider on every read.
 */
import type { Transaction } from '../../platform/db/sql.js';
import { findUsers, type DirectoryUser } from '../../platform/auth/user-directory.js';
import { execute } from '../../platform/db/sql.js';
import { InputError, type ErrorCode, type FieldError } from '../../platform/http/errors.js';
import type { OfficerInput } from './models.js';
import type { ProgramStore } from './program-store.js';

/** The roles that decide stages; anyone designated must hold one. */
export const OFFICER_ROLES = ['reviewer', 'assessor'] as const;

/** A user name or subject as sent, and where it was sent, for the error. */
export interface NamedPerson {
  name: string;
  path: string;
}

/** An officer as stored: a user's subject, or a group's code. */
export interface StoredOfficer {
  type: 'user' | 'group';
  ref: string;
}

const CHOOSE_ANOTHER = 'Choose someone else.';

interface Refusal {
  code: ErrorCode;
  field: FieldError;
}

function refusalOf(person: NamedPerson, user: DirectoryUser | undefined): Refusal | undefined {
  if (!user) {
    return {
      code: 'ERR_OFFICER_UNKNOWN',
      field: { path: person.path, message: `There is no user “${person.name}”. Check the user name.` },
    };
  }
  if (!user.enabled) {
    return {
      code: 'ERR_OFFICER_UNKNOWN',
      field: { path: person.path, message: `The account of ${user.displayName} (${user.username}) is disabled. ${CHOOSE_ANOTHER}` },
    };
  }
  if (!OFFICER_ROLES.some((role) => user.roles.includes(role))) {
    return {
      code: 'ERR_OFFICER_LACKS_ROLE',
      field: {
        path: person.path,
        message: `${user.displayName} (${user.username}) is not a reviewer or assessor, so cannot decide applications. ${CHOOSE_ANOTHER}`,
      },
    };
  }
  return undefined;
}

/**
 * The people named, as the directory knows them, in the order given; refused with 400 naming every
 * person who is unknown or not an officer. A directory that fails is a 503, never "unknown".
 */
export async function checkPeople(store: ProgramStore, named: NamedPerson[]): Promise<DirectoryUser[]> {
  const found = await findUsers(
    store.directory,
    named.map((person) => person.name),
  );
  const refusals = named.map((person, index) => refusalOf(person, found[index])).filter((r): r is Refusal => r !== undefined);
  const [first] = refusals;
  if (first) {
    // Unknown people first: a user name typed wrongly is the likelier mistake.
    const code = refusals.some((r) => r.code === 'ERR_OFFICER_UNKNOWN') ? 'ERR_OFFICER_UNKNOWN' : 'ERR_OFFICER_LACKS_ROLE';
    const detail =
      refusals.length === 1 ? first.field.message : `${refusals.length} of the people named cannot be officers; see each field.`;
    throw new InputError(
      detail,
      refusals.map((r) => r.field),
      code,
    );
  }
  return found as DirectoryUser[];
}

export interface CheckedOfficers {
  /** The officers as they will be stored, in the order given. */
  officers: StoredOfficer[];
  /** The people among them, to remember with {@link rememberOfficers}. */
  people: DirectoryUser[];
}

/** Checks the users among `officers` (groups are checked in the transaction) and stores them by subject. */
export async function checkOfficers(
  store: ProgramStore,
  officers: Array<{ officer: OfficerInput; path: string }>,
): Promise<CheckedOfficers> {
  const users = officers.filter(({ officer }) => officer.type === 'user');
  const people = await checkPeople(
    store,
    users.map(({ officer, path }) => ({ name: officer.ref, path })),
  );
  const subjectOf = new Map(users.map(({ officer }, index) => [officer, people[index]?.subject ?? officer.ref]));
  return {
    officers: officers.map(({ officer }) => ({ type: officer.type, ref: subjectOf.get(officer) ?? officer.ref })),
    people,
  };
}

/** Keeps what the provider said about these people: their names are shown from here. */
export async function rememberOfficers(store: ProgramStore, people: DirectoryUser[], transaction: Transaction): Promise<void> {
  if (people.length === 0) return;
  await execute(
    store.sequelize,
    `INSERT INTO officers (subject, username, display_name, checked_at)
     SELECT p.subject, p.username, p.display_name, now()
     FROM jsonb_to_recordset(CAST(:people AS jsonb)) AS p(subject varchar, username varchar, display_name varchar)
     ON CONFLICT (subject) DO UPDATE
       SET username = EXCLUDED.username, display_name = EXCLUDED.display_name, checked_at = EXCLUDED.checked_at`,
    {
      people: JSON.stringify(
        [...new Map(people.map((p) => [p.subject, p])).values()].map((p) => ({
          subject: p.subject,
          username: p.username,
          display_name: p.displayName,
        })),
      ),
    },
    transaction,
  );
}
