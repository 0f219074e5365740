/** Who a key speaks for; a route lists the scopes it admits (DESIGN.md's table). */
export const SCOPES = ['storefront', 'store', 'returns_desk', 'warehouse', 'ops', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];
