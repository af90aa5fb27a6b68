/**
 * The one way a module changes state: a command runs in one transaction and returns its events; the
 * runner writes each event's audit row (hash-chained) and outbox row in that same transaction, so a
 * change and its record commit or roll back together. Reads of personal data by someone other than
 * its owner are recorded the same way, without an outbox row.
 */
import type pg from 'pg';
import type { Sequelize } from 'sequelize';
import type { ClientTransaction, Transaction } from './sql.js';
import { eventStatement, writeEvents, type Actor, type DomainEvent, type EventStatement } from '../audit/write-events.js';
import { claimIdempotencyKey, rememberIdempotentResult, type IdempotencyRequest } from '../http/idempotency.js';

export type { Actor, DomainEvent };

export interface CommandOutcome<T> {
  result: T;
  /**
   * What changed, one event per aggregate; empty only when the command changed nothing. Or the events
   * the command already wrote inside its own statement, as `context.inlineEvents` gave them.
   */
  events: DomainEvent[] | InlinedEvents;
}

/** Events as CTE members for the command's own statement (see write-events.ts), from `inlineEvents`. */
export interface InlinedEvents extends EventStatement {
  readonly events: DomainEvent[];
}

export interface CommandContext {
  /**
   * For a hot path: the events as members of a WITH clause, to put in the command's own statement so the
   * change and its record take one round trip. The command must run that statement and return these.
   */
  inlineEvents(events: DomainEvent[]): InlinedEvents;
}

export type Command<T> = (transaction: Transaction, context: CommandContext) => Promise<CommandOutcome<T>>;

export interface IdempotentCommandResult<T> {
  result: T;
  /** True when an Idempotency-Key replayed an earlier result; nothing ran this time. */
  replayed: boolean;
}

export interface CommandRunner {
  run<T>(actor: Actor, command: Command<T>): Promise<T>;
  /** Like `run`; with a key, the same request again returns the first result (see idempotency.ts). */
  runIdempotent<T>(actor: Actor, request: IdempotencyRequest, command: Command<T>): Promise<IdempotentCommandResult<T>>;
  /** Records an access that changes no business state: a read of personal data by someone other than its owner, a sign-in. */
  recordAccess(actor: Actor, events: DomainEvent[], transaction?: Transaction): Promise<void>;
}

/**
 * Access records (reads, sign-ins) of one actor are spread over this many chains: a partner system's or an
 * officer's concurrent reads would otherwise each wait for the one before to commit (docs/decisions.md).
 */
export const ACCESS_LANES = 8;

export interface CommandRunnerOptions {
  sequelize: Sequelize;
  /** The clock events are stamped with. */
  /** The pool commands hold their transactions on (named prepared statements; see sql.ts). */
  pool: pg.Pool;
  now?: () => Date;
}

/** BEGIN … COMMIT on a client of the pool; ROLLBACK on any error, and a client whose ROLLBACK failed is discarded. */
async function inTransaction<T>(pool: pg.Pool, work: (transaction: ClientTransaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work({ client });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error('ROLLBACK failed');
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * One statement on a client of the pool, outside any BEGIN: a single statement is atomic by itself, so an access
 * record (one WITH statement: chain head, audit row) needs no BEGIN and COMMIT round trips of its own.
 */
async function onOwnClient<T>(pool: pg.Pool, work: (transaction: ClientTransaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work({ client });
  } finally {
    client.release();
  }
}

export function createCommandRunner({ sequelize, pool, now = () => new Date() }: CommandRunnerOptions): CommandRunner {
  async function execute<T>(actor: Actor, command: Command<T>, transaction: Transaction): Promise<T> {
    const issued = new WeakSet<InlinedEvents>();
    const context: CommandContext = {
      inlineEvents(events) {
        if (events.length === 0) throw new TypeError('nothing to inline: a command that changes nothing returns no events');
        const inlined = { ...eventStatement({ actor, events, occurredAt: now(), toOutbox: true }), events };
        issued.add(inlined);
        return inlined;
      },
    };
    const { result, events } = await command(transaction, context);
    if (Array.isArray(events)) await writeEvents(sequelize, transaction, { actor, events, occurredAt: now(), toOutbox: true });
    // Only statements this run produced count as written: a command cannot claim a record it did not make.
    else if (!issued.has(events)) throw new TypeError('a command returned inlined events it was not given');
    return result;
  }

  return {
    run(actor, command) {
      return inTransaction(pool, (transaction) => execute(actor, command, transaction));
    },

    runIdempotent<T>(actor: Actor, request: IdempotencyRequest, command: Command<T>): Promise<IdempotentCommandResult<T>> {
      return inTransaction(pool, async (transaction) => {
        const claim = await claimIdempotencyKey<T>(sequelize, transaction, actor.subject, request);
        if (claim.replay) return { result: claim.replay.body, replayed: true };
        const result = await execute(actor, command, transaction);
        if (claim.claimed) await rememberIdempotentResult(sequelize, transaction, actor.subject, request, result);
        return { result, replayed: false };
      });
    },

    async recordAccess(actor, events, transaction) {
      if (events.length === 0) return;
      const write = (t: Transaction) =>
        writeEvents(sequelize, t, { actor, events, occurredAt: now(), toOutbox: false, lanes: ACCESS_LANES });
      if (transaction) await write(transaction);
      else await onOwnClient(pool, write);
    },
  };
}
