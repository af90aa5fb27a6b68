/**
 * Fraud signals: what an application shares with others (a person, a household, a document's bytes, a
 * phone number, a payment account) or how far its cost lies from the usual, for its officers to look at, and
 * for the first-stage officer, an ID its applicant tried to link that another account holds. They never decide.
 */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { LinkRefusalSource, SignalsDeps } from './deps.js';
import { listSignals } from './find-signals.js';
import { reviewSignal, type ReviewSignalOptions } from './review-signal.js';

export type { ListSignalsResult } from './find-signals.js';
export type { ReviewSignalOptions } from './review-signal.js';

export interface SignalsServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
  now?: () => Date;
  /** Identity's refused ID links, for the first-stage officer's id-linked-elsewhere signal. */
  linkRefusals?: LinkRefusalSource;
}

export function createSignalsService(options: SignalsServiceOptions) {
  const deps: SignalsDeps = { ...options, now: options.now ?? (() => new Date()) };
  return {
    listSignals: (actor: Principal, applicationId: string) => listSignals(deps, actor, applicationId),
    reviewSignal: (actor: Principal, review: ReviewSignalOptions) => reviewSignal(deps, actor, review),
  };
}

export type SignalsService = ReturnType<typeof createSignalsService>;
