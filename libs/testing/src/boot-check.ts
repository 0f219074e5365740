import { health } from '@omnistock/contracts';
import type { ServiceDefinition } from '@omnistock/service-kit';
import { TestWorld } from './test-services.js';

/**
 * What every service must do before it has features: boot against a fresh database,
 * create its own schema with its migrations, and answer its health subject over NATS.
 */
export async function checkServiceBoots(definition: ServiceDefinition) {
  const world = await TestWorld.create(`boot_${definition.name}`);
  try {
    const service = await world.start(definition);
    const reply = await world.client.request(health[definition.name], {}, { timeout_ms: 5_000 });
    const [{ migrations }] = await service.runtime.dataSource.query(
      `SELECT count(*)::int AS migrations FROM "${definition.schema}".migrations`,
    );
    const tables: { table_name: string }[] = await service.runtime.dataSource.query(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [definition.schema],
    );
    return { reply, migrations: migrations as number, tables: tables.map((t) => t.table_name) };
  } finally {
    await world.dispose();
  }
}
