/**
 * The registry: registrants (unique per ID type and value) and their family members. Every change
 * records who made it, when, and each field's value before and after; applications take a snapshot,
 * so later edits here never change what an officer sees on an application.
 */
import { randomUUID } from 'node:crypto';
import type { Sequelize, Transaction } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner, DomainEvent } from '../../platform/db/command.js';
import { execute, selectOne, selectPage, selectRows, type PageRequest } from '../../platform/db/sql.js';
import { ConflictError, InputError, NotFoundError, type FieldError } from '../../platform/http/errors.js';
import {
  columnsOf,
  toRegistrant,
  type FamilyMemberInput,
  type FamilyMemberRow,
  type IdType,
  type PersonDetails,
  type Registrant,
  type RegistrantChange,
  type RegistrantInput,
  type RegistrantPatch,
  type RegistrantRow,
} from './models.js';

export interface RegistryServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
  now?: () => Date;
}

export interface SearchRegistrantsOptions extends PageRequest {
  idType?: IdType;
  idValue?: string;
  name?: string;
  region?: string;
}

export interface RecordApplicantOptions {
  idType: IdType;
  idValue: string;
  details: PersonDetails;
  familyMembers: FamilyMemberInput[];
}

type Actor = Pick<Principal, 'subject' | 'username'>;
type Change = { from: unknown; to: unknown };

export interface ApplicantRecorded {
  registrantId: string;
  /** `registrant.enrolled` or `registrant.changed`; undefined when nothing changed. */
  event: DomainEvent | undefined;
}

function enrolled(id: string): DomainEvent {
  return { type: 'registrant.enrolled', aggregateType: 'registrant', aggregateId: id };
}

/** Names the changed fields, never their values (personal data). */
function changed(id: string, changes: Record<string, Change>): DomainEvent {
  return { type: 'registrant.changed', aggregateType: 'registrant', aggregateId: id, payload: { fields: Object.keys(changes) } };
}

/** A read of several registrants, on the reader's own chain: ids only, never the search terms. */
function readBy(reader: Actor, type: string, ids: string[]): DomainEvent {
  return { type, aggregateType: 'reader', aggregateId: reader.subject, payload: { registrantIds: ids } };
}

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

function familyKey(
  member: Pick<FamilyMemberRow, 'relation' | 'given_name' | 'family_name' | 'gender' | 'birth_date' | 'occupation'>,
): string {
  return JSON.stringify([
    member.relation,
    member.given_name,
    member.family_name,
    member.gender,
    member.birth_date,
    member.occupation ?? null,
  ]);
}

function familyRowsOf(family: FamilyMemberInput[]) {
  return family.map((m) => ({
    relation: m.relation,
    given_name: m.givenName,
    family_name: m.familyName,
    gender: m.gender,
    birth_date: m.birthDate,
    occupation: m.occupation || null,
  }));
}

export function createRegistryService({ sequelize, commands, now = () => new Date() }: RegistryServiceOptions) {
  async function loadFamily(registrantIds: string[], transaction?: Transaction): Promise<Map<string, FamilyMemberRow[]>> {
    const byRegistrant = new Map<string, FamilyMemberRow[]>(registrantIds.map((id) => [id, []]));
    if (registrantIds.length === 0) return byRegistrant;
    const rows = await selectRows<FamilyMemberRow>(
      sequelize,
      `SELECT id, registrant_id, position, relation, given_name, family_name, gender, CAST(birth_date AS text) AS birth_date, occupation
       FROM family_members WHERE registrant_id = ANY(:ids) ORDER BY registrant_id, position`,
      { ids: registrantIds },
      transaction,
    );
    for (const row of rows) byRegistrant.get(row.registrant_id)?.push(row);
    return byRegistrant;
  }

  const REGISTRANT_COLUMNS = '*, CAST(birth_date AS text) AS birth_date';
  const SELECT_REGISTRANT = `SELECT ${REGISTRANT_COLUMNS} FROM registrants`;

  async function readRegistrant(id: string, transaction?: Transaction): Promise<Registrant | undefined> {
    const row = await selectOne<RegistrantRow>(sequelize, `${SELECT_REGISTRANT} WHERE id = :id`, { id }, transaction);
    if (!row) return undefined;
    return toRegistrant(row, (await loadFamily([id], transaction)).get(id) ?? [], now());
  }

  /**
   * Inserts the family members listed in `:family` (see familyJson) for the registrant that
   * `registrantId` names: a parameter, or a column of a table in `from` (a CTE).
   */
  function insertFamilySql(registrantId: string, from?: string): string {
    return `INSERT INTO family_members (id, registrant_id, position, relation, given_name, family_name, gender, birth_date, occupation)
      SELECT gen_random_uuid(), ${registrantId}, m.position, m.relation, m.given_name, m.family_name, m.gender, m.birth_date, m.occupation
      FROM ${from ? `${from}, ` : ''}jsonb_to_recordset(CAST(:family AS jsonb))
        AS m(position smallint, relation varchar, given_name varchar,
        family_name varchar, gender varchar, birth_date date, occupation varchar)`;
  }

  function familyJson(family: ReturnType<typeof familyRowsOf>): string {
    return JSON.stringify(family.map((m, i) => ({ ...m, position: i + 1 })));
  }

  async function insertFamily(registrantId: string, family: ReturnType<typeof familyRowsOf>, transaction: Transaction): Promise<void> {
    if (family.length === 0) return;
    await execute(sequelize, insertFamilySql('CAST(:registrantId AS uuid)'), { registrantId, family: familyJson(family) }, transaction);
  }

  /**
   * Inserts a registrant and their family in one statement; false (and nothing written) when the
   * ID is already registered.
   */
  async function insertRegistrant(
    actor: Actor,
    id: string,
    idType: IdType,
    idValue: string,
    details: PersonDetails,
    family: ReturnType<typeof familyRowsOf>,
    transaction: Transaction,
  ): Promise<boolean> {
    const columns = columnsOf(details);
    const names = Object.keys(columns);
    const rows = await selectRows<{ id: string }>(
      sequelize,
      `WITH registrant AS (
         INSERT INTO registrants (id, id_type, id_value, created_by, updated_by, ${names.join(', ')})
         VALUES (:id, :idType, :idValue, :actor, :actor, ${names.map((n) => `:${n}`).join(', ')})
         ON CONFLICT ON CONSTRAINT registrants_id_unique DO NOTHING
         RETURNING id
       ),
       family AS (${insertFamilySql('registrant.id', 'registrant')})
       SELECT id FROM registrant`,
      { id, idType, idValue, actor: actor.username, ...columns, family: familyJson(family) },
      transaction,
    );
    return rows.length === 1;
  }

  /** Applies changed fields and family members to an existing registrant; records what changed. */
  async function applyChanges(
    actor: Actor,
    current: RegistrantRow,
    columns: Record<string, string | null>,
    family: ReturnType<typeof familyRowsOf> | undefined,
    transaction: Transaction,
    currentFamily?: FamilyMemberRow[],
  ): Promise<Record<string, Change>> {
    const changes: Record<string, Change> = {};
    for (const [column, value] of Object.entries(columns)) {
      const before = (current as unknown as Record<string, unknown>)[column] ?? null;
      if (before !== value) changes[column] = { from: before, to: value };
    }
    if (family) {
      const existing = currentFamily ?? (await loadFamily([current.id], transaction)).get(current.id) ?? [];
      const before = existing.map(familyKey);
      const after = family.map(familyKey);
      if (before.join('\n') !== after.join('\n')) {
        changes.family_members = {
          from: existing.map((m) => `${m.relation}: ${m.given_name} ${m.family_name}`),
          to: family.map((m) => `${m.relation}: ${m.given_name} ${m.family_name}`),
        };
        await execute(sequelize, 'DELETE FROM family_members WHERE registrant_id = :id', { id: current.id }, transaction);
        await insertFamily(current.id, family, transaction);
      }
    }
    if (Object.keys(changes).length === 0) return changes;
    const updated = Object.keys(columns).filter((c) => c in changes);
    const assignments = [...updated.map((c) => `${c} = :${c}`), 'version = version + 1', 'updated_at = now()', 'updated_by = :actor'];
    await execute(
      sequelize,
      `UPDATE registrants SET ${assignments.join(', ')} WHERE id = :id`,
      { ...columns, id: current.id, actor: actor.username },
      transaction,
    );
    await execute(
      sequelize,
      `INSERT INTO registrant_changes (registrant_id, changed_by_subject, changed_by_username, changes)
       VALUES (:id, :subject, :username, CAST(:changes AS jsonb))`,
      { id: current.id, subject: actor.subject, username: actor.username, changes: JSON.stringify(changes) },
      transaction,
    );
    return changes;
  }

  return {
    async createRegistrant(actor: Actor, input: RegistrantInput): Promise<Registrant> {
      const problems = checkBirthDates(input, input.familyMembers, now(), { person: '/body', family: '/body/familyMembers' });
      if (problems.length > 0) throw new InputError(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
      const id = randomUUID();
      return commands.run(actor, async (transaction) => {
        const created = await insertRegistrant(
          actor,
          id,
          input.idType,
          input.idValue,
          input,
          familyRowsOf(input.familyMembers ?? []),
          transaction,
        );
        if (!created)
          throw new ConflictError(
            `A registrant with ${input.idType} ${input.idValue} is already in the registry.`,
            'ERR_REGISTRANT_DUPLICATE',
          );
        const registrant = await readRegistrant(id, transaction);
        if (!registrant) throw new NotFoundError('The registrant vanished while it was being created.');
        return { result: registrant, events: [enrolled(id)] };
      });
    },

    async searchRegistrants(
      reader: Actor,
      options: SearchRegistrantsOptions,
    ): Promise<{ items: Registrant[]; page: number; pageSize: number; total: number }> {
      const name = options.name
        ? `${options.name
            .trim()
            .toLowerCase()
            .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        : null;
      const where = [
        '(CAST(:idType AS varchar) IS NULL OR id_type = :idType)',
        '(CAST(:idValue AS varchar) IS NULL OR id_value = :idValue)',
        '(CAST(:name AS varchar) IS NULL OR lower(family_name) LIKE :name OR lower(given_name) LIKE :name)',
        '(CAST(:region AS varchar) IS NULL OR lower(region) = lower(:region))',
      ].join(' AND ');
      const { rows, total } = await selectPage<RegistrantRow>(sequelize, {
        columns: REGISTRANT_COLUMNS,
        from: 'registrants',
        where,
        orderBy: 'family_name, given_name, id',
        replacements: { idType: options.idType ?? null, idValue: options.idValue ?? null, name, region: options.region ?? null },
        page: options,
      });
      const family = await loadFamily(rows.map((r) => r.id));
      const today = now();
      await commands.recordAccess(reader, [
        readBy(
          reader,
          'registrant.searched',
          rows.map((r) => r.id),
        ),
      ]);
      return {
        items: rows.map((row) => toRegistrant(row, family.get(row.id) ?? [], today)),
        page: options.page,
        pageSize: options.pageSize,
        total,
      };
    },

    async getRegistrant(reader: Actor, id: string): Promise<Registrant> {
      const registrant = await readRegistrant(id);
      if (!registrant) throw new NotFoundError('No registrant with that id.');
      await commands.recordAccess(reader, [{ type: 'registrant.read', aggregateType: 'registrant', aggregateId: id }]);
      return registrant;
    },

    async findByIdentity(idType: IdType, idValue: string): Promise<Registrant | undefined> {
      const row = await selectOne<{ id: string }>(sequelize, 'SELECT id FROM registrants WHERE id_type = :idType AND id_value = :idValue', {
        idType,
        idValue,
      });
      return row ? readRegistrant(row.id) : undefined;
    },

    async updateRegistrant(actor: Actor, id: string, patch: RegistrantPatch): Promise<Registrant> {
      const problems = checkBirthDates(patch, patch.familyMembers, now(), { person: '/body', family: '/body/familyMembers' });
      if (problems.length > 0) throw new InputError(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
      return commands.run(actor, async (transaction) => {
        const current = await selectOne<RegistrantRow>(sequelize, `${SELECT_REGISTRANT} WHERE id = :id FOR UPDATE`, { id }, transaction);
        if (!current) throw new NotFoundError('No registrant with that id.');
        if (current.version !== patch.version)
          throw new ConflictError(
            'The registrant was changed by someone else since you read it; reload and try again.',
            'ERR_VERSION_CONFLICT',
          );
        const changes = await applyChanges(
          actor,
          current,
          columnsOf(patch),
          patch.familyMembers ? familyRowsOf(patch.familyMembers) : undefined,
          transaction,
        );
        const registrant = await readRegistrant(id, transaction);
        if (!registrant) throw new NotFoundError('No registrant with that id.');
        return { result: registrant, events: Object.keys(changes).length > 0 ? [changed(id, changes)] : [] };
      });
    },

    async listChanges(reader: Actor, id: string): Promise<RegistrantChange[]> {
      if (!(await selectOne(sequelize, 'SELECT 1 AS found FROM registrants WHERE id = :id', { id })))
        throw new NotFoundError('No registrant with that id.');
      const rows = await selectRows<{
        changed_at: Date;
        changed_by_username: string | null;
        changed_by_subject: string;
        changes: Record<string, Change>;
      }>(
        sequelize,
        `SELECT changed_at, changed_by_username, changed_by_subject, changes FROM registrant_changes
         WHERE registrant_id = :id ORDER BY changed_at, id`,
        { id },
      );
      await commands.recordAccess(reader, [{ type: 'registrant.changes-read', aggregateType: 'registrant', aggregateId: id }]);
      return rows.map((row) => ({
        changedAt: row.changed_at.toISOString(),
        changedBy: row.changed_by_username ?? row.changed_by_subject,
        changes: row.changes,
      }));
    },

    /**
     * An applicant's details as submitted: the registrant is created the first time and reused after,
     * with every changed field recorded. Runs in the caller's command: returns the registrant id and the
     * event the caller must record (none when nothing changed).
     */
    async recordApplicantDetails(actor: Actor, options: RecordApplicantOptions, transaction: Transaction): Promise<ApplicantRecorded> {
      const family = familyRowsOf(options.familyMembers);
      // The registrant and their family in one round trip, locked until the application is stored.
      const select = `SELECT r.*, CAST(r.birth_date AS text) AS birth_date,
          COALESCE((SELECT json_agg(json_build_object('id', f.id, 'registrant_id', f.registrant_id, 'position', f.position,
              'relation', f.relation,
              'given_name', f.given_name, 'family_name', f.family_name, 'gender', f.gender, 'birth_date', CAST(f.birth_date AS text),
              'occupation', f.occupation) ORDER BY f.position) FROM family_members f WHERE f.registrant_id = r.id), '[]') AS family
        FROM registrants r WHERE r.id_type = :idType AND r.id_value = :idValue FOR UPDATE OF r`;
      const key = { idType: options.idType, idValue: options.idValue };
      let current = await selectOne<RegistrantRow & { family: FamilyMemberRow[] }>(sequelize, select, key, transaction);
      if (!current) {
        const id = randomUUID();
        if (await insertRegistrant(actor, id, options.idType, options.idValue, options.details, family, transaction)) {
          return { registrantId: id, event: enrolled(id) };
        }
        // Someone enrolled the same person a moment ago: update theirs instead.
        current = await selectOne<RegistrantRow & { family: FamilyMemberRow[] }>(sequelize, select, key, transaction);
        if (!current) throw new ConflictError('The registrant could not be created; try again.');
      }
      const { family: currentFamily, ...row } = current;
      const changes = await applyChanges(actor, row, columnsOf(options.details), family, transaction, currentFamily);
      return { registrantId: current.id, event: Object.keys(changes).length > 0 ? changed(current.id, changes) : undefined };
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
