/**
 * The sender kinds as the small integers `report_message_counts.kind` stores (migration 0057):
 * one byte or none in a row and its index, where the name took up to 11. The codes are stored,
 * so they never change; a new kind takes the next one. The sums over chats keep the names.
 */
import type { SenderKind } from '../../../src-shared/contract/reports.js';

export type CountKind = SenderKind | 'customer';

const CODES: Readonly<Record<CountKind, number>> = {
  customer: 0,
  person: 1,
  phone: 2,
  automation: 3,
  api: 4,
  campaign: 5,
  scheduled: 6,
  other: 7,
};
const KINDS = Object.fromEntries(Object.entries(CODES).map(([kind, code]) => [code, kind])) as Record<
  number,
  CountKind
>;

export const CUSTOMER_CODE = CODES.customer;
export const PERSON_CODE = CODES.person;

export const kindCode = (kind: CountKind): number => CODES[kind];

export function kindOfCode(code: number): CountKind {
  const kind = KINDS[code];
  if (kind === undefined) throw new Error(`unknown report kind code ${code}`);
  return kind;
}

/** SQL turning the code in `column` back into the kind's name. */
export const kindName = (column: string) =>
  `CASE ${column} ${Object.entries(CODES)
    .map(([kind, code]) => `WHEN ${code} THEN '${kind}'`)
    .join(' ')} END`;
