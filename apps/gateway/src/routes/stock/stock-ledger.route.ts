import { LIMITS, LocationCode, Sku, Timestamp, Type, ledger, strict } from '@omnistock/contracts';
import { natsRoute, splitList } from '../route.js';

const KINDS_TEXT_LENGTH_MAX = ledger.MOVEMENT_KINDS.join(',').length;

export const stockLedgerRoute = natsRoute({
  method: 'GET',
  path: '/v1/stock/:sku/ledger',
  tag: 'stock',
  summary:
    'A SKU`s ledger entries with the balance after each; filter by location, kinds and time.',
  scopes: ['warehouse', 'admin'],
  status: 200,
  params: Type.Object({ sku: Sku }, strict),
  query: Type.Object(
    {
      location: Type.Optional(LocationCode),
      kinds: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: KINDS_TEXT_LENGTH_MAX,
          description: 'comma-separated movement kinds',
        }),
      ),
      from: Type.Optional(Timestamp),
      to: Type.Optional(Timestamp),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.audit_entries_max })),
    },
    strict,
  ),
  reply: ledger.audit.reply,
  contract: ledger.audit,
  // Kinds are checked against the movement kinds by the contract's own schema after mapping.
  toPayload: ({ params, query: { kinds, ...filters } }) => ({
    sku: params.sku,
    ...filters,
    ...(kinds === undefined ? {} : { kinds: splitList(kinds) as ledger.MovementKind[] }),
  }),
  // A location-bound key reads the trail of its own location(s) only: it must name one.
  locationsOf: (payload) => (payload.location ? [payload.location] : undefined),
});
