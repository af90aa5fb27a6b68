/**
 * Application references like `IA-7KQ-M3XD`: short, easy to read aloud, never colliding.
 * A PostgreSQL sequence gives each application a unique number; a keyed permutation of the 30-bit
 * range (a balanced Feistel network with HMAC-SHA256 rounds, so it is one-to-one, and without the key
 * neither the order nor the number of applications can be read from references) hides it; Crockford
 * base32 (no I, L, O, U) spells it; a final check character catches a mistyped symbol. Uniqueness comes
 * from the sequence, not from chance.
 */
import { createHmac } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import type { Transaction } from '../../platform/db/sql.js';
import { selectOne } from '../../platform/db/sql.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HALF_BITS = 15;
const HALF_MASK = (1 << HALF_BITS) - 1;
export const MAX_APPLICATION_NUMBER = 2 ** (2 * HALF_BITS) - 1;
const ROUNDS = 4;

/** The secret the permutation is keyed with (REFERENCE_KEY); keep it as secret as the session secret. */
export interface ReferenceKey {
  readonly secret: string;
}

function round(key: ReferenceKey, index: number, half: number): number {
  // A keyed pseudo-random function per round; the Feistel structure is what makes the whole invertible.
  const digest = createHmac('sha256', key.secret).update(`${index}:${half}`).digest();
  return digest.readUInt16BE(0) & HALF_MASK;
}

export function permute(n: number, key: ReferenceKey): number {
  let left = (n >>> HALF_BITS) & HALF_MASK;
  let right = n & HALF_MASK;
  for (let i = 0; i < ROUNDS; i++) [left, right] = [right, left ^ round(key, i, right)];
  return left * 2 ** HALF_BITS + right;
}

export function unpermute(p: number, key: ReferenceKey): number {
  let left = (p >>> HALF_BITS) & HALF_MASK;
  let right = p & HALF_MASK;
  for (let i = ROUNDS - 1; i >= 0; i--) [left, right] = [right ^ round(key, i, left), left];
  return left * 2 ** HALF_BITS + right;
}

/** Weighted sum mod 32 with odd weights: any single wrong symbol changes the check character. */
function checkSymbol(symbols: string): string {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum += (2 * i + 1) * ALPHABET.indexOf(symbols[i] ?? '0');
  // Multiplying by an odd weight is a bijection mod 32, so a one-symbol change always moves the sum.
  return ALPHABET[((sum % 32) + 32) % 32] ?? '0';
}

export function formatReference(applicationNumber: number, key: ReferenceKey): string {
  if (!Number.isInteger(applicationNumber) || applicationNumber < 1 || applicationNumber > MAX_APPLICATION_NUMBER) {
    throw new RangeError(`application number ${applicationNumber} is outside 1..${MAX_APPLICATION_NUMBER}`);
  }
  let value = permute(applicationNumber, key);
  let symbols = '';
  for (let i = 0; i < 6; i++) {
    symbols = (ALPHABET[value % 32] ?? '0') + symbols;
    value = Math.floor(value / 32);
  }
  const body = symbols + checkSymbol(symbols);
  return `IA-${body.slice(0, 3)}-${body.slice(3)}`;
}

/** Reads a reference as a person may type it (any case, spaces, O for 0, I/L for 1); undefined when invalid. */
export function normalizeReference(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/^IA/, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{7}$/.test(cleaned)) return undefined;
  if (checkSymbol(cleaned.slice(0, 6)) !== cleaned[6]) return undefined;
  return `IA-${cleaned.slice(0, 3)}-${cleaned.slice(3)}`;
}

const BLOCK = 50; // must equal the sequence's INCREMENT BY

/**
 * Hands out application numbers from blocks of the shared sequence: one round trip per 50
 * applications, and still unique across any number of app instances. Pass the caller's transaction:
 * asking the pool for a second connection from inside one can deadlock a busy pool.
 */
export function createApplicationNumbers(sequelize: Sequelize): (transaction?: Transaction) => Promise<number> {
  let next = 0;
  let end = 0;
  let refill: Promise<void> | undefined;
  return async (transaction) => {
    while (next >= end) {
      // nextval() is not transactional, so a block taken inside a transaction that rolls back stays used.
      refill ??= selectOne<{ start: string }>(sequelize, "SELECT nextval('application_number_seq') AS start", {}, transaction)
        .then((row) => {
          const start = Number(row?.start);
          next = start;
          end = start + BLOCK;
        })
        .finally(() => {
          refill = undefined;
        });
      await refill;
    }
    return next++;
  };
}
