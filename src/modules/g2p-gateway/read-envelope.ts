/**
 * The checks every incoming message passes before its content is read: the envelope's shape, the header's
 * required fields and their types, the protocol version, the action the address expects, the receiver, the
 * message's age, and no encryption (we publish no encryption key). A failure is a DciRefusal naming the field.
 */
import { findUnstorableText } from '../../platform/http/storable-values.js';
import { DCI_VERSION, DciRefusal, type Envelope, type RequestHeader } from './messages.js';

export interface ReadEnvelopeOptions {
  /** The header `action` this address takes (`search`, `txn-status`). */
  action: string;
  /** Our id: a `receiver_id`, when sent, must name us. */
  receiverId: string;
  now: Date;
  /** How far `message_ts` may be from now, either way. */
  maxAgeSeconds: number;
}

/** ISO 8601 date and time with a zone (`Z` or ±hh:mm), as the header's `date-time` format requires. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
/** Ids we store and echo: printable, bounded. */
const MESSAGE_ID = /^[\x21-\x7e]{1,99}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function bad(message: string): DciRefusal {
  return new DciRefusal('err.request.bad', message);
}

export function readEnvelope(body: unknown, options: ReadEnvelopeOptions): Envelope<RequestHeader, Record<string, unknown>> {
  if (!isObject(body)) throw bad('The message must be a JSON object with "header" and "message".');
  // Text that could be neither stored nor canonicalised for a signature (a control character, half a surrogate
  // pair), anywhere in the message: refused first, naming where, never repeating it.
  const [unstorable] = findUnstorableText(body, '');
  if (unstorable) throw bad(`The text at ${unstorable.path} ${unstorable.message}.`);
  const { header, message, signature } = body;
  if (!isObject(header)) throw bad('"header" is missing or not an object.');
  if (signature !== undefined && typeof signature !== 'string') throw bad('"signature" must be a string (a detached JWS).');

  const version = header.version ?? DCI_VERSION;
  if (typeof version !== 'string') throw bad('header.version must be a string.');
  if (version !== DCI_VERSION) throw new DciRefusal('err.version.not_supported', `Only version ${DCI_VERSION} is supported.`);

  for (const field of ['message_id', 'message_ts', 'action', 'sender_id', 'total_count'] as const) {
    if (header[field] === undefined || header[field] === null || header[field] === '') throw bad(`header.${field} is missing.`);
  }
  const { message_id: messageId, message_ts: messageTs, action, sender_id: senderId, total_count: totalCount } = header;
  if (typeof messageId !== 'string' || !MESSAGE_ID.test(messageId)) throw bad('header.message_id must be 1 to 99 printable characters.');
  if (typeof messageTs !== 'string' || !DATE_TIME.test(messageTs) || Number.isNaN(Date.parse(messageTs))) {
    throw bad('header.message_ts must be an ISO 8601 date and time with a time zone.');
  }
  if (action !== options.action) throw bad(`header.action must be "${options.action}" at this address.`);
  if (typeof senderId !== 'string' || !MESSAGE_ID.test(senderId)) throw bad('header.sender_id must be 1 to 99 printable characters.');
  if (typeof totalCount !== 'number' || !Number.isInteger(totalCount) || totalCount < 1) {
    throw bad('header.total_count must be a whole number of at least 1.');
  }
  if (header.receiver_id !== undefined && header.receiver_id !== options.receiverId) {
    throw new DciRefusal('err.receiver_id.invalid', `header.receiver_id must be "${options.receiverId}" or left out.`);
  }
  if (header.sender_uri !== undefined && (typeof header.sender_uri !== 'string' || !URL.canParse(header.sender_uri))) {
    throw bad('header.sender_uri must be a URI.');
  }
  if (header.meta !== undefined && !isObject(header.meta)) throw bad('header.meta must be an object.');
  if (header.is_msg_encrypted !== undefined && typeof header.is_msg_encrypted !== 'boolean')
    throw bad('header.is_msg_encrypted must be true or false.');
  if (header.is_msg_encrypted === true) {
    throw new DciRefusal('err.encryption.invalid', 'Encrypted messages are not accepted: this registry publishes no encryption key.');
  }

  const ageSeconds = Math.abs(options.now.getTime() - Date.parse(messageTs)) / 1000;
  if (ageSeconds > options.maxAgeSeconds) {
    throw bad(
      `header.message_ts is more than ${options.maxAgeSeconds} seconds from our clock: the message has expired or is not yet valid.`,
    );
  }
  if (!isObject(message)) throw bad('"message" is missing or not an object.');

  return {
    ...(signature === undefined ? {} : { signature }),
    header: { ...(header as unknown as RequestHeader), version },
    message,
  };
}
