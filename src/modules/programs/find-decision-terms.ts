import type { Transaction } from '../../platform/db/sql.js';
import { selectOne } from '../../platform/db/sql.js';
import type { CodedLabel } from './models.js';
import type { ProgramStore } from './program-store.js';

/** What a stage decision is checked against: the program's reason codes and amount limit, as they are now. */
export interface DecisionTerms {
  currency: string;
  /** Decimal string, two decimals. */
  maxAmount: string;
  reasonCodes: CodedLabel[];
}

/** The decision terms of a program, open or closed: applications already running are decided to the end. */
export async function findDecisionTerms(store: ProgramStore, id: string, transaction?: Transaction): Promise<DecisionTerms | undefined> {
  const row = await selectOne<{ currency: string; max_amount: string; reason_codes: CodedLabel[] }>(
    store.sequelize,
    'SELECT currency, max_amount, reason_codes FROM programs WHERE id = :id',
    { id },
    transaction,
  );
  return row && { currency: row.currency, maxAmount: row.max_amount, reasonCodes: row.reason_codes };
}
