/**
 * Where messages go. Each channel sits behind one small interface, so the sending code is the same for
 * SMTP and the development mailbox, or for a real SMS gateway and the development one.
 *
 * A transport resolves when the message is accepted, and throws a `DeliveryError`: `transient` (the
 * server is down, busy or timed out: tried again later) or not (the address is refused: tried no more).
 */

export interface OutgoingMessage {
  to: string;
  /** Whose message it is (the development mailbox keeps it, so erasure finds the person's messages). */
  recipientSubject: string;
  subject: string;
  text: string;
  /** The delivery's key: sent as the email's Message-ID (or the SMS reference), so a receiver can drop a repeat. */
  key: string;
}

export interface MessageTransport {
  /** `smtp`, `dev-mailbox`, `http-sms`, … : stored nowhere, said in logs. */
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

export class DeliveryError extends Error {
  constructor(
    /** A short code for the delivery list (never the server's words, which may echo an address). */
    readonly code: string,
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(`delivery failed: ${code}`, options);
    this.name = 'DeliveryError';
  }
}
