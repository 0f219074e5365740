import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { ChannelCode, Id, LocationCode, Qty, Sku, strict, Timestamp } from '../schema.js';

export const RETURN_STATUSES = [
  'authorised',
  'received',
  'inspected',
  'closed',
  'cancelled',
  'expired',
] as const;
export const RETURN_REASONS = [
  'changed_mind',
  'wrong_size',
  'not_as_described',
  'damaged',
  'defective',
  'wrong_item',
  'late',
  'other',
] as const;
export const GRADES = ['resellable', 'damaged', 'defective', 'wrong_item'] as const;
export const DISPOSITIONS = ['restock', 'transfer', 'quarantine', 'write_off'] as const;

export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export type Grade = (typeof GRADES)[number];
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * A return id becomes part of the ledger ids of its movements and exchange hold, which
 * must fit the ledger's id limit; hence a shorter bound than a generic id.
 */
export const ReturnId = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
  minLength: 1,
  maxLength: 96,
});

const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((value) => Type.Literal(value)) as TLiteral<T[number]>[]);

export const ReturnLine = Type.Object(
  { sku: Sku, qty: Qty, reason: literals(RETURN_REASONS) },
  strict,
);
export const ReceivedLine = Type.Object({ sku: Sku, qty: Qty }, strict);
export const InspectedLine = Type.Object({ sku: Sku, qty: Qty, grade: literals(GRADES) }, strict);
export const Lines = <T extends Parameters<typeof Type.Array>[0]>(line: T) =>
  Type.Array(line, { minItems: 1, maxItems: LIMITS.lines_max });

export const ReturnView = Type.Object({
  id: ReturnId,
  orderId: Id,
  channel: ChannelCode,
  status: literals(RETURN_STATUSES),
  lines: Type.Array(ReturnLine),
  /** The desk must receive the units before this, or the return expires. */
  receiveBy: Timestamp,
  location: Type.Union([LocationCode, Type.Null()]),
  received: Type.Array(ReceivedLine),
  /**
   * Where each unit went: the grade, what was done, and at which location. While the return
   * is still `received`, the units disposed of so far (an inspection the ledger partly refused).
   */
  dispositions: Type.Array(
    Type.Object({
      sku: Sku,
      qty: Qty,
      grade: literals(GRADES),
      disposition: literals(DISPOSITIONS),
      location: LocationCode,
    }),
  ),
  exchange: Type.Union([
    Type.Object({
      holdId: Id,
      lines: Type.Array(Type.Object({ sku: Sku, location: LocationCode, qty: Qty })),
      status: literals(['held', 'ordered', 'released'] as const),
      orderId: Type.Union([Id, Type.Null()]),
    }),
    Type.Null(),
  ]),
  createdAt: Timestamp,
});

export type ReturnViewType = Static<typeof ReturnView>;
export type ReturnLineType = Static<typeof ReturnLine>;
