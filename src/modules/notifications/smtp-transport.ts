/** Email over SMTP with nodemailer, from `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…`). */
import nodemailer from 'nodemailer';
import { DeliveryError, type MessageTransport } from './transports.js';

export interface SmtpTransportOptions {
  url: string;
  from: string;
  /** Per connection and per greeting. Default 10 000 ms. */
  timeoutMs?: number;
}

export function createSmtpTransport({ url, from, timeoutMs = 10_000 }: SmtpTransportOptions): MessageTransport {
  const parsed = new URL(url);
  const transporter = nodemailer.createTransport({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : parsed.protocol === 'smtps:' ? 465 : 587,
    secure: parsed.protocol === 'smtps:',
    ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return {
    name: 'smtp',
    async send(message) {
      try {
        await transporter.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          messageId: `<${message.key.replace(/[^A-Za-z0-9.:-]/g, '-')}@${domain}>`,
        });
      } catch (cause) {
        throw classifySmtpError(cause);
      }
    },
  };
}

/** A 5xx answer refuses this message for good; anything else (no connection, 4xx, a timeout) may pass. */
export function classifySmtpError(cause: unknown): DeliveryError {
  const error = cause as { responseCode?: unknown; code?: unknown };
  if (typeof error.responseCode === 'number') {
    return new DeliveryError(`smtp-${error.responseCode}`, error.responseCode < 500, { cause });
  }
  const code = typeof error.code === 'string' ? error.code.toLowerCase().slice(0, 40) : 'unknown';
  return new DeliveryError(`smtp-${code}`, true, { cause });
}
