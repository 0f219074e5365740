import type { EntityManager } from 'typeorm';

/**
 * Several writes sent as one statement (data-modifying CTEs): every round trip inside a
 * transaction that holds a hot row lock is time nobody else can use that row, so a
 * command's writes leave together. Postgres runs every CTE exactly once, referenced or not.
 */
export class WriteBatch {
  private readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  /** Registers a value and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds one INSERT/UPDATE/DELETE; it must end with RETURNING so the batch can count it. */
  add(statement: string): void {
    this.parts.push(statement);
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  async run(manager: EntityManager): Promise<void> {
    if (this.isEmpty) return;
    const ctes = this.parts.map((statement, index) => `w${index} AS (${statement})`);
    await manager.query(`WITH ${ctes.join(',\n')} SELECT 1`, this.params);
  }
}
