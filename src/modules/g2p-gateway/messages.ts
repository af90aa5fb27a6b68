/**
 * The DCI registry API v1.0.0 message envelope (spdci/standards, social registry profile): `{signature, header,
 * message}`, the header fields, statuses and error codes this gateway reads and writes. Only what we use is typed.
 */

export const DCI_VERSION = '1.0.0';

/** Communication-layer error codes (`Error.code` in an acknowledgement). */
export type DciErrorCode =
  | 'err.request.bad'
  | 'err.request.unauthorized'
  | 'err.request.forbidden'
  | 'err.version.not_supported'
  | 'err.sender_id.invalid'
  | 'err.sender_uri.invalid'
  | 'err.receiver_id.invalid'
  | 'err.signature.missing'
  | 'err.signature.invalid'
  | 'err.encryption.invalid';

/** Reasons a single search request of a batch is rejected (`SearchStatusReasonCode`). */
export type SearchReasonCode =
  | 'rjct.reference_id.invalid'
  | 'rjct.reference_id.duplicate'
  | 'rjct.timestamp.invalid'
  | 'rjct.search_criteria.invalid'
  | 'rjct.filter.invalid'
  | 'rjct.sort.invalid'
  | 'rjct.pagination.invalid'
  | 'rjct.search.too_many_records_found';

export type RequestStatus = 'rcvd' | 'pdng' | 'succ' | 'rjct';

/** `MsgHeader_V1.0.0`: the header of a request. */
export interface RequestHeader {
  version: string;
  message_id: string;
  message_ts: string;
  action: string;
  sender_id: string;
  sender_uri?: string;
  receiver_id?: string;
  total_count: number;
  is_msg_encrypted?: boolean;
  meta?: Record<string, unknown>;
}

/** `MsgCallbackHeader_V1.0.0`: the header of a response or callback. */
export interface ResponseHeader {
  version: string;
  message_id: string;
  message_ts: string;
  action: string;
  status: RequestStatus;
  status_reason_code?: string;
  status_reason_message?: string;
  total_count: number;
  completed_count: number;
  sender_id: string;
  receiver_id: string;
  is_msg_encrypted: false;
}

export interface Envelope<H, M> {
  signature?: string;
  header: H;
  message: M;
}

/** The acknowledgement (`components/responses/Response`): ACK, NACK, or ERR with the error. */
export interface Acknowledgement {
  message: {
    ack_status: 'ACK' | 'NACK' | 'ERR';
    timestamp: string;
    correlation_id: string;
    error?: { code: DciErrorCode; message: string };
  };
}

/**
 * A refusal of a whole message at the communication layer: answered as an acknowledgement with `ack_status`
 * ERR and this code (HTTP 200, as the DCI compliance kit accepts), never as a 5xx.
 */
export class DciRefusal extends Error {
  constructor(
    readonly code: DciErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DciRefusal';
  }
}

/** Messages and timestamps we write: ISO 8601 with the zone, without fractions of a second. */
export function timestampOf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
