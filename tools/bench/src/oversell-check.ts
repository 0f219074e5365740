import pg from 'pg';

export interface OversellCheck {
  succeeded: number;
  stock: number;
  reserved: number;
  on_hand: number;
  negative_balances: number;
  ledger_drift: number;
  passed: boolean;
}

/**
 * Reads the positions the benchmark sold from, straight from the ledger's tables: the
 * benchmark is the auditor here and must not trust the service it measures.
 */
export async function checkOversell(
  databaseUrl: string,
  skus: string[],
  succeeded: number,
  stock: number,
  ledger_drift: number,
): Promise<OversellCheck> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT COALESCE(sum(reserved), 0)::bigint AS reserved, COALESCE(sum(on_hand), 0)::bigint AS on_hand,
              count(*) FILTER (WHERE reserved > on_hand OR on_hand < 0 OR reserved < 0)::int AS negative
       FROM ledger.positions WHERE sku = ANY($1::text[])`,
      [skus],
    );
    const reserved = Number(rows[0].reserved);
    const onHand = Number(rows[0].on_hand);
    const negative = Number(rows[0].negative);
    return {
      succeeded,
      stock,
      reserved,
      on_hand: onHand,
      negative_balances: negative,
      ledger_drift,
      passed: reserved === succeeded && succeeded <= stock && negative === 0 && ledger_drift === 0,
    };
  } finally {
    await client.end();
  }
}
