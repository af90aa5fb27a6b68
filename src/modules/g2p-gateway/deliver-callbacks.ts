/**
 * One delivery pass: every stream whose oldest message is due, message after message, each in a transaction that
 * holds the stream's lock. A waiting request is answered first (its answer kept, so a retry sends the same one);
 * then it is POSTed to the callback address. A failure stops the stream until its back-off ends, so nothing later
 * overtakes it; a message too old, or whose partner is gone, is given up and the stream moves on.
 */
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import type { G2pDeliveryConfig } from '../../config.js';
import { retryDelayMs } from '../../platform/outbox/retry-delay.js';
import { findDueStreams, keepAnswer, lockStreamHead, markAbandoned, markDelivered, markFailed, type PendingRequest } from './deliveries.js';

export interface DeliveryPass {
  sequelize: Sequelize;
  /** Makes the answer of a waiting request; undefined when its partner is no longer registered. */
  answerPending(senderId: string, correlationId: string, pending: PendingRequest): Promise<Record<string, unknown> | undefined>;
  config: G2pDeliveryConfig;
  now: () => Date;
  logger: Logger;
  stopping: () => boolean;
}

/** Streams one pass looks at, and messages it sends on one stream, before it asks for another pass. */
const STREAMS_PER_PASS = 50;
const MESSAGES_PER_STREAM = 100;
/** Streams one pass delivers to at the same time (each holds a database connection while it sends). */
const STREAMS_AT_ONCE = 4;

export interface PassResult {
  delivered: number;
  failed: number;
  /** True when streams or messages were left for the next pass. */
  more: boolean;
}

type Step = 'delivered' | 'failed' | 'given-up' | 'done';

export async function deliverDueMessages(pass: DeliveryPass): Promise<PassResult> {
  const streams = await findDueStreams(pass.sequelize, pass.now(), STREAMS_PER_PASS);
  const result: PassResult = { delivered: 0, failed: 0, more: streams.length === STREAMS_PER_PASS };
  // Streams are independent: a few at once, so one slow receiver does not hold up the others' messages.
  const waiting = [...streams];
  const deliverStreams = async () => {
    for (let stream = waiting.shift(); stream !== undefined; stream = waiting.shift()) {
      for (let sent = 0; ; sent += 1) {
        if (pass.stopping()) {
          result.more = true;
          return;
        }
        if (sent === MESSAGES_PER_STREAM) {
          result.more = true;
          break;
        }
        const step = await deliverHead(pass, stream);
        if (step === 'delivered') result.delivered += 1;
        if (step === 'failed') result.failed += 1;
        if (step === 'failed' || step === 'done') break;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(STREAMS_AT_ONCE, streams.length) }, deliverStreams));
  return result;
}

async function deliverHead(pass: DeliveryPass, stream: string): Promise<Step> {
  const { sequelize, config } = pass;
  return sequelize.transaction(async (transaction): Promise<Step> => {
    const head = await lockStreamHead(sequelize, stream, transaction);
    if (!head) return 'done';
    const now = pass.now();
    if (head.nextAttemptAt.getTime() > now.getTime()) return 'done';
    const giveUp = (reason: string) =>
      markAbandoned(sequelize, { id: head.id, reason, now }, transaction).then(() => {
        pass.logger.warn({ delivery: head.id, sender: head.senderId, action: head.action, reason }, 'DCI callback given up');
        return 'given-up' as const;
      });
    if (now.getTime() - head.createdAt.getTime() > config.giveUpHours * 3_600_000) {
      return giveUp(`not delivered within ${config.giveUpHours} hours (${head.attempts} attempts; last: ${head.lastFailure ?? 'none'})`);
    }

    let body = head.body;
    if (!body) {
      if (!head.request || !head.correlationId) return giveUp('nothing to send');
      let answer: Record<string, unknown> | undefined;
      try {
        answer = await pass.answerPending(head.senderId, head.correlationId, head.request);
      } catch (error) {
        return fail(pass, head, now, `could not be answered: ${nameOf(error)}`, transaction);
      }
      if (!answer) return giveUp('the partner is no longer registered');
      await keepAnswer(sequelize, head.id, answer, transaction);
      body = answer;
    }

    const failure = await postMessage(head.callbackUri, body, config.timeoutMs);
    if (failure !== undefined) return fail(pass, head, now, failure, transaction);
    await markDelivered(sequelize, head.id, pass.now(), transaction);
    return 'delivered';
  });
}

async function fail(
  pass: DeliveryPass,
  head: { id: string; senderId: string; action: string; attempts: number },
  now: Date,
  reason: string,
  transaction: Parameters<typeof markFailed>[2],
): Promise<'failed'> {
  const attempt = head.attempts + 1;
  const retryAt = new Date(now.getTime() + retryDelayMs(attempt, pass.config.retry));
  await markFailed(pass.sequelize, { id: head.id, reason, retryAt }, transaction);
  // What went wrong and when it is tried again; never the message.
  pass.logger.warn(
    { delivery: head.id, sender: head.senderId, action: head.action, attempt, reason, retryAt },
    'DCI callback not delivered',
  );
  return 'failed';
}

/** POSTs the signed message; undefined when the receiver took it (2xx), else why not, in a few words. */
async function postMessage(uri: string, body: Record<string, unknown>, timeoutMs: number): Promise<string | undefined> {
  try {
    const response = await fetch(uri, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      // A callback address is the partner's registered one: a redirect elsewhere is not followed.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.ok ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    return `not reached: ${nameOf(error)}`;
  }
}

/** An error's code or name, never its message (which may quote the request). */
function nameOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (error instanceof Error) return error.name === 'Error' ? 'error' : error.name;
  return 'error';
}
