/**
 * Where a voucher's bits sit in the status lists. The n-th voucher issued (a database sequence, so
 * issuers share no lock) goes to list n / L + 1 at a position scattered by a keyed permutation of
 * 0..L-1: neighbouring positions say nothing about the order or time of issue (herd privacy).
 */
import { createHmac } from 'node:crypto';
import { STATUS_LIST_LENGTH } from './status-list.js';

export interface StatusPosition {
  /** From 1. */
  listNumber: number;
  statusListIndex: number;
}

/** L is a power of two, so x ↦ (a·x + b) mod L with an odd `a` is a permutation. */
export function createStatusPositions(key: string): (sequenceNumber: number) => StatusPosition {
  const digest = createHmac('sha256', key).update('status-list-positions').digest();
  const multiplier = (digest.readUInt32BE(0) | 1) % STATUS_LIST_LENGTH;
  const offset = digest.readUInt32BE(4) % STATUS_LIST_LENGTH;
  return (sequenceNumber) => {
    if (!Number.isSafeInteger(sequenceNumber) || sequenceNumber < 0) throw new RangeError('the sequence number must be a whole number ≥ 0');
    const slot = sequenceNumber % STATUS_LIST_LENGTH;
    return {
      listNumber: Math.floor(sequenceNumber / STATUS_LIST_LENGTH) + 1,
      statusListIndex: Number((BigInt(multiplier) * BigInt(slot) + BigInt(offset)) % BigInt(STATUS_LIST_LENGTH)),
    };
  };
}
