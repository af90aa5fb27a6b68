/**
 * Bitstring Status Lists (W3C recommendation) as pure functions over the bits: a list is a byte array,
 * bit 0 the most significant bit of byte 0; setting a bit returns a new array. Storage comes with issuance.
 */
import { Bitstring } from '@digitalbazaar/bitstring';
import { toDateTimeSeconds, type StatusPurpose } from './credential.js';
import { CREDENTIALS_V2_CONTEXT_URL } from './voucher-context.js';

/** The recommendation's minimum (16 KiB), so one voucher's bit hides among many (herd privacy). */
export const STATUS_LIST_LENGTH = 131_072;

// A type alias, not an interface: it must pass where any JSON object (`UnknownCredential`) is taken.
export type StatusListCredential = {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id: string; type: 'BitstringStatusList'; statusPurpose: StatusPurpose; encodedList: string };
};

/** A list with every bit clear. */
export function createStatusBits(length: number = STATUS_LIST_LENGTH): Uint8Array {
  if (!Number.isInteger(length) || length < 8 || length % 8 !== 0) throw new TypeError('length must be a positive multiple of 8');
  return new Uint8Array(length / 8);
}

export function readStatusBit(bits: Uint8Array, index: number): boolean {
  assertIndex(bits, index);
  return ((bits[index >> 3] as number) & (0x80 >> (index & 7))) !== 0;
}

/** A copy of `bits` with the bit at `index` set (`on`) or cleared. */
export function setStatusBit(bits: Uint8Array, index: number, on: boolean): Uint8Array {
  assertIndex(bits, index);
  const next = new Uint8Array(bits);
  const mask = 0x80 >> (index & 7);
  next[index >> 3] = on ? (next[index >> 3] as number) | mask : (next[index >> 3] as number) & ~mask;
  return next;
}

/** `encodedList`: multibase base64url (`u…`) of the GZIP-compressed bits. */
export async function encodeStatusBits(bits: Uint8Array): Promise<string> {
  return `u${await new Bitstring({ buffer: bits }).encodeBits()}`;
}

/** The bits of an `encodedList`; undefined when it is not multibase base64url of GZIP data. */
export async function decodeStatusBits(encodedList: string): Promise<Uint8Array | undefined> {
  if (!encodedList.startsWith('u') || !/^[A-Za-z0-9_-]+$/.test(encodedList.slice(1))) return undefined;
  try {
    return await Bitstring.decodeBits({ encoded: encodedList.slice(1) });
  } catch {
    return undefined;
  }
}

export interface BuildStatusListCredentialOptions {
  /** The URL the list is served at; vouchers name it in `statusListCredential`. */
  id: string;
  issuer: string;
  statusPurpose: StatusPurpose;
  bits: Uint8Array;
  validFrom: Date;
  /** How long verifiers may rely on this copy. Default: no end. */
  validUntil?: Date;
}

/** The unsigned list credential; sign it with `signCredential`, as every copy served must be signed. */
export async function buildStatusListCredential(options: BuildStatusListCredentialOptions): Promise<StatusListCredential> {
  return {
    '@context': [CREDENTIALS_V2_CONTEXT_URL],
    id: options.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: options.issuer,
    validFrom: toDateTimeSeconds(options.validFrom),
    ...(options.validUntil ? { validUntil: toDateTimeSeconds(options.validUntil) } : {}),
    credentialSubject: {
      id: `${options.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: options.statusPurpose,
      encodedList: await encodeStatusBits(options.bits),
    },
  };
}

function assertIndex(bits: Uint8Array, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) {
    throw new RangeError(`status index ${index} is outside 0..${bits.length * 8 - 1}`);
  }
}
