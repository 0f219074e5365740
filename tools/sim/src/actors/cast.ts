import { STORES, WAREHOUSES } from '../estate.js';
import type { Random } from '../random.js';
import type { ActorKeys } from '../setup.js';
import type { Actor, ActorEnv, ActorSpec } from './actor.js';
import { Fulfiller } from './fulfiller.js';
import { ReturnablePool, ReturnsDesk } from './returns-desk.js';
import { Storefront } from './storefront.js';
import { Warehouse } from './warehouse.js';

const STOREFRONTS = 6;
const WAREHOUSE_SYSTEMS = 2;
const RETURNS_DESKS = 2;
/** The floors and the locations whose queues each works. */
const FLOORS: [string, readonly string[]][] = [
  ['floor-warehouses', WAREHOUSES],
  ['floor-stores-1', STORES.slice(0, 2)],
  ['floor-stores-2', STORES.slice(2)],
];

/**
 * Everyone who drives the run, each with a stream forked from the seed by name (so adding
 * an actor changes no other's choices), half of each kind through the gateway and half
 * over NATS, as the seed decides.
 */
export function castActors(
  root: Random,
  env: ActorEnv,
  keys: ActorKeys,
): { actors: Actor[]; warehouses: Warehouse[] } {
  const spec = (name: string, kind: string, key: string, min: number, max: number): ActorSpec => {
    const random = root.fork(name);
    const transport = random.chance(0.5) ? 'http' : 'nats';
    return { name, kind, random, env, key, transport, think_ms: { min, max } };
  };
  const numbered = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
  const returnable = new ReturnablePool();
  const warehouses = numbered(WAREHOUSE_SYSTEMS).map(
    (i) => new Warehouse(spec(`warehouse-${i}`, 'warehouse', keys.warehouse, 200, 1_000)),
  );
  const actors: Actor[] = [
    ...numbered(STOREFRONTS).map(
      (i) => new Storefront(spec(`storefront-${i}`, 'storefront', keys.storefront, 100, 600)),
    ),
    ...warehouses,
    ...FLOORS.map(
      ([name, locations]) =>
        new Fulfiller(spec(name, 'fulfiller', keys.floor, 150, 700), locations, returnable),
    ),
    ...numbered(RETURNS_DESKS).map(
      (i) =>
        new ReturnsDesk(
          spec(`returns-desk-${i}`, 'returns', keys.returnsDesk, 300, 1_200),
          returnable,
        ),
    ),
  ];
  return { actors, warehouses };
}
