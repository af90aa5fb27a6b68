/** The rules every program change keeps, whichever operation makes it. */
import type { Transaction } from '../../platform/db/sql.js';
import { selectRows } from '../../platform/db/sql.js';
import { ConflictError, InputError } from '../../platform/http/errors.js';
import { isKnownTimeZone } from '../../platform/time-zones.js';
import type { CodedLabel, NewStage, StageRow } from './models.js';
import type { Actor, ProgramStore } from './program-store.js';

/** Applicants (and anyone who does not run programs) see open programs only. */
export function seesClosedPrograms(actor: Actor): boolean {
  return actor.roles.some((role) => role !== 'applicant' && role !== 'service-provider');
}

/** A program's time zone must be one the service can show dates in. */
export function assertKnownTimeZone(timeZone: string): void {
  if (isKnownTimeZone(timeZone)) return;
  throw new InputError(
    `"${timeZone}" is not a time zone this service knows. Enter an IANA name such as Africa/Nairobi or America/Lima.`,
    [{ path: '/body/timeZone', message: 'must be an IANA time zone name, such as Africa/Nairobi' }],
    'ERR_TIME_ZONE_UNKNOWN',
  );
}

/** A stage's checklist, each code once: an answer names its item by code. */
export function checkChecklist(checklist: CodedLabel[], path: string): CodedLabel[] {
  const seen = new Set<string>();
  for (const [index, item] of checklist.entries()) {
    if (seen.has(item.code)) {
      throw new InputError(
        `The checklist names “${item.code}” twice; give each item its own code.`,
        [{ path: `${path}/${index}/code`, message: "repeats an earlier item's code" }],
        'ERR_STAGE_CHECKLIST_CODE_REPEATED',
      );
    }
    seen.add(item.code);
  }
  return checklist.map((item) => ({ code: item.code, label: item.label }));
}

/** An open program must keep a stage that sets the amount. */
export function assertRunnable(state: 'open' | 'closed', stages: Array<Pick<StageRow, 'kind'>>): void {
  if (state === 'open' && !stages.some((stage) => stage.kind === 'assessment')) {
    throw new ConflictError(
      'An open program needs at least one stage, and one of them must be an assessment stage.',
      'ERR_PROGRAM_NEEDS_ASSESSMENT_STAGE',
    );
  }
}

/** `item` placed at 1-based `position` (default: last); a position past the end is refused. */
export function insertAt<T>(list: T[], item: T, position: number | undefined): T[] {
  const index = position === undefined ? list.length : position - 1;
  if (index < 0 || index > list.length)
    throw new InputError(
      `Position ${position} is beyond the end of the list (${list.length + 1} at most).`,
      [{ path: '/body/position', message: `must be at most ${list.length + 1}` }],
      'ERR_STAGE_POSITION',
    );
  return [...list.slice(0, index), item, ...list.slice(index)];
}

/** A stage may name a group only once the group exists. */
export async function assertGroupsExist(
  store: ProgramStore,
  officers: Array<NewStage['officer']>,
  transaction: Transaction,
): Promise<void> {
  const codes = [...new Set(officers.filter((o) => o.type === 'group').map((o) => o.ref))];
  if (codes.length === 0) return;
  const found = await selectRows<{ code: string }>(
    store.sequelize,
    'SELECT code FROM officer_groups WHERE code = ANY(:codes)',
    { codes },
    transaction,
  );
  const missing = codes.filter((code) => !found.some((row) => row.code === code));
  if (missing.length > 0) {
    throw new InputError(`No officer group ${missing.map((c) => `"${c}"`).join(', ')}; create it first.`, [], 'ERR_OFFICER_GROUP_UNKNOWN');
  }
}
