/**
 * The gateway's operations, each the story of one message: who sends it (partner by token client), is it a
 * well-formed and current envelope, is it signed by the partner, has it been seen before, what does it ask,
 * what does the registry answer, what may this partner see of it; then the signed answer.
 */
import { randomUUID } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import type { JWK } from 'jose';
import type { G2pGatewayConfig, G2pPartnerSetting } from '../../config.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { IssuerKeySet } from '../../platform/keys/index.js';
import type { RegistryService, SearchRegistrantsOptions } from '../registry/index.js';
import {
  claimMessageId,
  completeTransaction,
  findTransaction,
  logTransaction,
  type RequestOutcome,
  type TransactionKey,
} from './message-log.js';
import { queueDelivery, streamOf, type PendingRequest } from './deliveries.js';
import {
  DCI_VERSION,
  DciRefusal,
  timestampOf,
  type Acknowledgement,
  type DciErrorCode,
  type Envelope,
  type RequestHeader,
  type RequestStatus,
  type ResponseHeader,
} from './messages.js';
import { readEnvelope } from './read-envelope.js';
import { readSearchRequest, type ReadSearch, type RegistryCriteria } from './read-search-request.js';
import { isAllowedFieldName, recordOf, type AllowedField } from './registry-records.js';
import { jwksOf, signDetached, verifyDetached } from './signatures.js';

export interface G2pGatewayOptions {
  config: G2pGatewayConfig;
  sequelize: Sequelize;
  registry: Pick<RegistryService, 'searchRegistrants'>;
  keys: IssuerKeySet;
  /** Asks for a delivery pass once an asynchronous answer is queued (the app's pg-boss); absent, the next poll finds it. */
  requestDelivery?: () => Promise<void>;
  now?: () => Date;
}

/** What an operation answers: a signed DCI message (a response, or an ERR acknowledgement). */
export type GatewayAnswer = Record<string, unknown>;

interface Partner extends G2pPartnerSetting {
  allowed: ReadonlySet<AllowedField>;
}

export function createG2pGateway({ config, sequelize, registry, keys, requestDelivery, now = () => new Date() }: G2pGatewayOptions) {
  for (const partner of config.partners) {
    const unknown = partner.allowedFields.filter((field) => !isAllowedFieldName(field));
    // A misspelt field would silently hide data the agreement allows: refuse to start instead.
    if (unknown.length > 0) throw new Error(`G2P_PARTNERS: ${partner.clientId} allows unknown fields ${unknown.join(', ')}`);
  }
  const partners = new Map<string, Partner>(
    config.partners.map((partner) => [
      partner.clientId,
      { ...partner, allowed: new Set(partner.allowedFields.filter(isAllowedFieldName)) },
    ]),
  );
  const kid = keys.current.publicKeyMultibase;

  async function signed(header: unknown, message: unknown): Promise<GatewayAnswer> {
    const signature = await signDetached(keys.signer, kid, header, message);
    return { signature, ...(header === undefined ? {} : { header }), message: message as object };
  }

  async function acknowledgeError(code: DciErrorCode, detail: string): Promise<GatewayAnswer> {
    const message: Acknowledgement['message'] = {
      ack_status: 'ERR',
      timestamp: timestampOf(now()),
      correlation_id: randomUUID(),
      error: { code, message: detail.slice(0, 999) },
    };
    return signed(undefined, message);
  }

  function responseHeader(partner: Partner, action: string, status: RequestStatus, count: number, completed: number): ResponseHeader {
    return {
      version: DCI_VERSION,
      message_id: randomUUID(),
      message_ts: timestampOf(now()),
      action,
      status,
      total_count: count,
      completed_count: completed,
      sender_id: config.senderId,
      receiver_id: partner.senderId,
      is_msg_encrypted: false,
    };
  }

  /** Everything a message must pass before its content is read; a refusal ends it. */
  async function admit(
    principal: Principal,
    body: unknown,
    action: string,
  ): Promise<{ partner: Partner; envelope: Envelope<RequestHeader, Record<string, unknown>> }> {
    const partner = principal.clientId === undefined ? undefined : partners.get(principal.clientId);
    if (!partner) throw new DciRefusal('err.request.forbidden', "The token's client is not a registered partner of this registry.");
    const at = now();
    const envelope = readEnvelope(body, { action, receiverId: config.senderId, now: at, maxAgeSeconds: config.messageMaxAgeSeconds });
    if (envelope.header.sender_id !== partner.senderId) {
      throw new DciRefusal('err.sender_id.invalid', "header.sender_id is not the id registered for the token's client.");
    }
    if (partner.keys.length > 0) {
      if (envelope.signature === undefined) throw new DciRefusal('err.signature.missing', 'Messages of this partner must be signed.');
      const check = await verifyDetached(envelope.signature, envelope.header, envelope.message, partner.keys as JWK[]);
      if (!check.valid) throw new DciRefusal('err.signature.invalid', `The signature is not valid: ${check.reason}.`);
    }
    // Claimed after the signature check, so forged messages cannot use up a partner's ids.
    const fresh = await claimMessageId(sequelize, {
      senderId: partner.senderId,
      messageId: envelope.header.message_id,
      now: at,
      windowSeconds: config.messageMaxAgeSeconds,
    });
    if (!fresh) throw new DciRefusal('err.request.bad', 'rjct.message_id.duplicate: this message_id was received before (a replay).');
    return { partner, envelope };
  }

  async function answerRefusals(operation: () => Promise<GatewayAnswer>): Promise<GatewayAnswer> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof DciRefusal) return acknowledgeError(error.code, error.message);
      throw error;
    }
  }

  /** Ages (whole years today) as birth-date bounds, narrowed by any explicit birth-date bounds. */
  function registryOptions(criteria: RegistryCriteria, page: { pageSize: number; pageNumber: number }): SearchRegistrantsOptions {
    const today = now();
    const yearsAgo = (years: number, plusDays = 0) => {
      const date = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() + plusDays));
      return date.toISOString().slice(0, 10);
    };
    const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);
    const earlier = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
    const bornTo = earlier(criteria.bornTo, criteria.minAge === undefined ? undefined : yearsAgo(criteria.minAge));
    const bornFrom = later(criteria.bornFrom, criteria.maxAge === undefined ? undefined : yearsAgo(criteria.maxAge + 1, 1));
    return {
      page: page.pageNumber,
      pageSize: page.pageSize,
      ...(criteria.idType ? { idType: criteria.idType, idValue: criteria.idValue } : {}),
      ...(criteria.name ? { name: criteria.name } : {}),
      ...(criteria.region ? { region: criteria.region } : {}),
      ...(criteria.gender ? { gender: criteria.gender } : {}),
      ...(bornFrom ? { bornFrom } : {}),
      ...(bornTo ? { bornTo } : {}),
    };
  }

  async function answerSearch(reader: PendingRequest['reader'], partner: Partner, search: ReadSearch): Promise<Record<string, unknown>> {
    const base = { reference_id: search.referenceId, timestamp: timestampOf(now()), ...(search.locale ? { locale: search.locale } : {}) };
    const { outcome } = search;
    if ('reason' in outcome) return { ...base, status: 'rjct', status_reason_code: outcome.reason, status_reason_message: outcome.detail };
    const options = registryOptions(outcome.criteria, outcome);
    if (options.bornFrom && options.bornTo && options.bornFrom > options.bornTo) {
      return {
        ...base,
        status: 'succ',
        data: { version: DCI_VERSION, reg_records: [] },
        pagination: { page_size: outcome.pageSize, page_number: outcome.pageNumber, total_count: 0 },
      };
    }
    const found = await registry.searchRegistrants(reader, options);
    return {
      ...base,
      status: 'succ',
      data: { version: DCI_VERSION, reg_records: found.items.map((registrant) => recordOf(registrant, partner.allowed, search.entity)) },
      pagination: { page_size: found.pageSize, page_number: found.page, total_count: found.total },
    };
  }

  /** Who reads the registry for a search: the partner's service account. */
  type Reader = PendingRequest['reader'];

  /** Each request of a search batch answered, the transaction's outcomes logged: the signed `on-search`. */
  async function answerSearchBatch(
    reader: Reader,
    partner: Partner,
    envelope: PendingRequest['envelope'],
    correlationId: string,
    logged: 'new' | 'pending',
  ): Promise<GatewayAnswer> {
    const request = readSearchRequest(envelope.message, Number(envelope.header.total_count), config.maxPageSize);
    const answers: Array<Record<string, unknown>> = [];
    for (const search of request.searches) answers.push(await answerSearch(reader, partner, search));
    const succeeded = answers.filter((answer) => answer.status === 'succ').length;
    const header = responseHeader(partner, 'on-search', succeeded > 0 ? 'succ' : 'rjct', answers.length, answers.length);
    const message = { transaction_id: request.transactionId, correlation_id: correlationId, search_response: answers };
    const entry = { senderId: partner.senderId, correlationId, transactionId: request.transactionId, txnType: 'search', now: now() };
    if (logged === 'new') await logTransaction(sequelize, { ...entry, status: 'succ', outcomes: answers.map(outcomeOf) });
    else await completeTransaction(sequelize, correlationId, answers.map(outcomeOf));
    return signed(header, message);
  }

  /** The outcome of one of the partner's own earlier transactions: the signed `txn-on-status`. */
  async function answerTxnStatus(partner: Partner, envelope: PendingRequest['envelope'], correlationId: string): Promise<GatewayAnswer> {
    const { transactionId, request } = readTxnStatusRequest(envelope.message, Number(envelope.header.total_count));
    const found = await findTransaction(sequelize, partner.senderId, request.key);
    const header = found
      ? responseHeader(partner, 'txn-on-status', 'succ', 1, 1)
      : { ...responseHeader(partner, 'txn-on-status', 'rjct', 1, 1), status_reason_message: 'No transaction of yours matches.' };
    const message = {
      transaction_id: transactionId,
      correlation_id: correlationId,
      // The schema requires a txn_status: with nothing found, one naming what was asked, with no outcome.
      txnstatus_response: found
        ? {
            txn_type: found.txnType,
            txn_status: { transaction_id: found.transactionId, correlation_id: found.correlationId, search_response: found.outcomes },
          }
        : {
            txn_type: 'search',
            txn_status: {
              transaction_id: request.key.kind === 'transaction_id' ? request.key.value : transactionId,
              correlation_id: request.key.kind === 'correlation_id' ? request.key.value : correlationId,
              search_response: [],
            },
          },
    };
    return signed(header, message);
  }

  /**
   * Where an asynchronous answer goes: the header's `sender_uri` when it is one of the partner's registered callback
   * addresses, else the first of them; none registered, or another address, is refused.
   */
  function callbackOf(partner: Partner, senderUri: string | undefined): string {
    if (senderUri !== undefined) {
      if (!partner.callbackUris.includes(senderUri)) {
        throw new DciRefusal('err.sender_uri.invalid', 'header.sender_uri is not a callback address registered for this partner.');
      }
      return senderUri;
    }
    const registered = partner.callbackUris[0];
    if (registered === undefined) {
      throw new DciRefusal('err.sender_uri.invalid', 'No callback address is registered for this partner: send the synchronous operation.');
    }
    return registered;
  }

  /** Queues an asynchronous request to be answered at its callback address, and acknowledges it (ACK). */
  async function accept(
    principal: Principal,
    partner: Partner,
    envelope: PendingRequest['envelope'],
    kind: PendingRequest['kind'],
    pending?: { transactionId: string; referenceIds: string[] },
  ): Promise<GatewayAnswer> {
    const callbackUri = callbackOf(partner, envelope.header.sender_uri);
    const correlationId = randomUUID();
    const at = now();
    await sequelize.transaction(async (transaction) => {
      if (pending) {
        const outcomes = pending.referenceIds.map((reference) => ({
          reference_id: reference,
          timestamp: timestampOf(at),
          status: 'pdng' as const,
        }));
        await logTransaction(
          sequelize,
          {
            senderId: partner.senderId,
            correlationId,
            transactionId: pending.transactionId,
            txnType: kind,
            status: 'pdng',
            outcomes,
            now: at,
          },
          transaction,
        );
      }
      await queueDelivery(
        sequelize,
        {
          senderId: partner.senderId,
          stream: streamOf(partner.senderId, callbackUri),
          action: kind === 'search' ? 'on-search' : 'txn-on-status',
          callbackUri,
          correlationId,
          request: { kind, envelope: { header: envelope.header, message: envelope.message }, reader: readerOf(principal) },
          now: at,
        },
        transaction,
      );
    });
    await requestDelivery?.();
    const message: Acknowledgement['message'] = { ack_status: 'ACK', timestamp: timestampOf(now()), correlation_id: correlationId };
    return signed(undefined, message);
  }

  return {
    /** Our public keys, as `/.well-known/jwks.json` serves them. */
    publicKeys: () => jwksOf(keys.keys),

    /** `POST /g2p/registry/sync/search`: each request of the batch answered at once, in one signed `on-search`. */
    syncSearch: (principal: Principal, body: unknown) =>
      answerRefusals(async () => {
        const { partner, envelope } = await admit(principal, body, 'search');
        return answerSearchBatch(readerOf(principal), partner, envelope, randomUUID(), 'new');
      }),

    /** `POST /g2p/registry/sync/txn/status`: the outcome of one of the partner's own earlier transactions. */
    syncTxnStatus: (principal: Principal, body: unknown) =>
      answerRefusals(async () => {
        const { partner, envelope } = await admit(principal, body, 'txn-status');
        return answerTxnStatus(partner, envelope, randomUUID());
      }),

    /**
     * `POST /g2p/registry/search`: the message is checked as for the synchronous search (a refusal is the ERR
     * acknowledgement), then acknowledged (ACK) and answered later, as `on-search` at the partner's callback address.
     */
    search: (principal: Principal, body: unknown) =>
      answerRefusals(async () => {
        const { partner, envelope } = await admit(principal, body, 'search');
        const request = readSearchRequest(envelope.message, envelope.header.total_count, config.maxPageSize);
        const referenceIds = request.searches.map((search) => search.referenceId);
        return accept(principal, partner, envelope, 'search', { transactionId: request.transactionId, referenceIds });
      }),

    /** `POST /g2p/registry/txn/status`: checked, acknowledged, and answered as `txn-on-status` at the callback address. */
    txnStatus: (principal: Principal, body: unknown) =>
      answerRefusals(async () => {
        const { partner, envelope } = await admit(principal, body, 'txn-status');
        readTxnStatusRequest(envelope.message, envelope.header.total_count);
        return accept(principal, partner, envelope, 'txn-status');
      }),

    /**
     * The answer of a queued asynchronous request, made by the delivery pass (signed, and the transaction's outcomes
     * logged). Undefined when its partner is no longer registered: nothing is sent to a partner the agreement ended.
     */
    answerPending: async (senderId: string, correlationId: string, pending: PendingRequest): Promise<GatewayAnswer | undefined> => {
      const partner = [...partners.values()].find((candidate) => candidate.senderId === senderId);
      if (!partner) return undefined;
      return pending.kind === 'search'
        ? answerSearchBatch(pending.reader, partner, pending.envelope, correlationId, 'pending')
        : answerTxnStatus(partner, pending.envelope, correlationId);
    },
  };
}

function readerOf(principal: Principal): PendingRequest['reader'] {
  return { subject: principal.subject, username: principal.username };
}

export type G2pGateway = ReturnType<typeof createG2pGateway>;

function outcomeOf(answer: Record<string, unknown>): RequestOutcome {
  const { reference_id, timestamp, status, status_reason_code, status_reason_message } = answer as unknown as RequestOutcome;
  return {
    reference_id,
    timestamp,
    status,
    ...(status_reason_code ? { status_reason_code } : {}),
    ...(status_reason_message ? { status_reason_message } : {}),
  };
}

const TEXT_ID = /^[\x20-\x7e]{1,99}$/;

function readTxnStatusRequest(
  message: Record<string, unknown>,
  totalCount: number,
): { transactionId: string; request: { key: TransactionKey } } {
  const bad = (detail: string) => new DciRefusal('err.request.bad', detail);
  const { transaction_id: transactionId, txnstatus_request: request } = message;
  if (typeof transactionId !== 'string' || !TEXT_ID.test(transactionId))
    throw bad('message.transaction_id must be 1 to 99 printable characters.');
  if (request === null || typeof request !== 'object' || Array.isArray(request)) throw bad('message.txnstatus_request is missing.');
  if (totalCount !== 1) throw bad('header.total_count must be 1: a status request asks about one transaction.');
  const {
    reference_id: referenceId,
    txn_type: txnType,
    attribute_type: attributeType,
    attribute_value: value,
  } = request as Record<string, unknown>;
  if (typeof referenceId !== 'string' || !TEXT_ID.test(referenceId)) throw bad('message.txnstatus_request.reference_id is missing.');
  if (txnType !== 'search') throw bad('message.txnstatus_request.txn_type must be "search": the only transactions this registry keeps.');
  if (attributeType === 'reference_id_list') {
    if (
      !Array.isArray(value) ||
      value.length === 0 ||
      value.length > 100 ||
      !value.every((item) => typeof item === 'string' && TEXT_ID.test(item))
    ) {
      throw bad('message.txnstatus_request.attribute_value must be a list of reference ids.');
    }
    return { transactionId, request: { key: { kind: 'reference_id_list', value: value as string[] } } };
  }
  if (attributeType !== 'transaction_id' && attributeType !== 'correlation_id') {
    throw bad('message.txnstatus_request.attribute_type must be transaction_id, reference_id_list or correlation_id.');
  }
  if (typeof value !== 'string' || !TEXT_ID.test(value)) throw bad('message.txnstatus_request.attribute_value must be an id.');
  return { transactionId, request: { key: { kind: attributeType, value } } };
}
