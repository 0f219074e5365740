import { LIMITS } from '@omnistock/contracts';

/** How long an order's hold lives before acceptance: the ledger's longest, so a slow store never loses it. */
export const ORDER_HOLD_TTL_S = LIMITS.hold_ttl_s_max;
