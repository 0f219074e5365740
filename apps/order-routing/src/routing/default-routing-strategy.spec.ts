import { defaultRoutingStrategy, FILTERS } from './default-routing-strategy.js';
import { DEFAULT_RULES, type CandidateLocation, type RoutingInput } from './routing-strategy.js';

const LONDON = { lat: 51.5, lon: -0.12 };

function location(
  code: string,
  lat: number,
  lon: number,
  stock: Record<string, number>,
  more: Partial<CandidateLocation> = {},
): CandidateLocation {
  return {
    code,
    kind: 'warehouse',
    lat,
    lon,
    capabilities: ['ship'],
    assignedToday: 0,
    available: new Map(Object.entries(stock)),
    ...more,
  };
}

function input(locations: CandidateLocation[], more: Partial<RoutingInput> = {}): RoutingInput {
  return {
    lines: [
      { sku: 'A', qty: 2 },
      { sku: 'B', qty: 1 },
    ],
    method: 'ship',
    destination: LONDON,
    pickupLocation: null,
    locations,
    excluded: new Map(),
    ...more,
  };
}

describe('the default routing strategy', () => {
  it('prefers one far location that fills everything over a nearer split', () => {
    const plan = defaultRoutingStrategy.route(
      input([
        location('NEAR-A', 51.51, -0.12, { A: 5 }),
        location('NEAR-B', 51.52, -0.12, { B: 5 }),
        location('FAR', 55.9, -3.2, { A: 5, B: 5 }),
      ]),
      DEFAULT_RULES,
    );
    expect(plan.allocations).toEqual([
      {
        location: 'FAR',
        lines: [
          { sku: 'A', qty: 2 },
          { sku: 'B', qty: 1 },
        ],
      },
    ]);
    expect(plan.backordered).toEqual([]);
  });

  it('lets a split win when the rules make extra shipments cheap (what simulate tries)', () => {
    const plan = defaultRoutingStrategy.route(
      input([
        location('NEAR-A', 51.51, -0.12, { A: 5 }),
        location('NEAR-B', 51.52, -0.12, { B: 5 }),
        location('FAR', 55.9, -3.2, { A: 5, B: 5 }),
      ]),
      { ...DEFAULT_RULES, splitPenaltyKm: 10 },
    );
    expect(plan.allocations.map((a) => a.location)).toEqual(['NEAR-A', 'NEAR-B']);
  });

  it('among full fills picks the nearest, and deeper stock breaks a tie', () => {
    const plan = defaultRoutingStrategy.route(
      input([
        location('SHALLOW', 52, -0.12, { A: 2, B: 1 }),
        location('DEEP', 52, -0.12, { A: 50, B: 50 }),
        location('FAR', 56, -0.12, { A: 50, B: 50 }),
      ]),
      DEFAULT_RULES,
    );
    expect(plan.allocations.map((a) => a.location)).toEqual(['DEEP']);
  });

  it('splits only when needed, largest share first, and never beyond maxShipments', () => {
    const locations = [
      location('L1', 51.4, 0, { A: 1 }),
      location('L2', 52, 0, { A: 1 }),
      location('L3', 53, 0, { A: 1, B: 1 }),
    ];
    const plan = defaultRoutingStrategy.route(
      input(locations, {
        lines: [
          { sku: 'A', qty: 3 },
          { sku: 'B', qty: 1 },
        ],
      }),
      { ...DEFAULT_RULES, maxShipments: 2 },
    );
    expect(plan.allocations.map((a) => a.location)).toEqual(['L3', 'L1']);
    expect(plan.backordered).toEqual([{ sku: 'A', qty: 1 }]);
  });

  it('records the filter that removed each candidate', () => {
    const plan = defaultRoutingStrategy.route(
      input(
        [
          location('FULL', 51.5, -0.1, { A: 9, B: 9 }, { dailyCapacity: 3, assignedToday: 3 }),
          location('NOSHIP', 51.5, -0.1, { A: 9, B: 9 }, { capabilities: ['pickup'] }),
          location('EMPTY', 51.5, -0.1, {}),
          location('REJECTED', 51.5, -0.1, { A: 9, B: 9 }),
          location('OK', 54, -2, { A: 9, B: 9 }),
        ],
        { excluded: new Map([['REJECTED', FILTERS.rejected]]) },
      ),
      DEFAULT_RULES,
    );
    const why = Object.fromEntries(plan.candidates.map((c) => [c.location, c.removedBy]));
    expect(why).toEqual({
      FULL: FILTERS.capacity,
      NOSHIP: FILTERS.cannotShip,
      EMPTY: FILTERS.noStock,
      REJECTED: FILTERS.rejected,
      OK: null,
    });
    expect(plan.allocations.map((a) => a.location)).toEqual(['OK']);
  });

  const pickupInput = () =>
    input(
      [
        location('WH-FAR', 56, -3, { A: 9, B: 9 }),
        location('WH-NEAR', 53.4, -2.2, { B: 9 }),
        location('ST', 53.48, -2.24, { A: 2 }, { kind: 'store', capabilities: ['pickup'] }),
        location('ST-OTHER', 53.5, -2.2, { B: 9 }, { kind: 'store', capabilities: ['pickup'] }),
      ],
      { method: 'pickup', pickupLocation: 'ST', destination: null },
    );

  it('for pickup takes the store`s shelf, and brings what it lacks from the nearest shipper', () => {
    const plan = defaultRoutingStrategy.route(pickupInput(), DEFAULT_RULES);
    expect(plan.allocations).toEqual([
      { location: 'ST', lines: [{ sku: 'A', qty: 2 }] },
      { location: 'WH-NEAR', lines: [{ sku: 'B', qty: 1 }], shipTo: 'ST' },
    ]);
    expect(plan.backordered).toEqual([]);
    const why = Object.fromEntries(plan.candidates.map((c) => [c.location, c.removedBy]));
    expect(why['ST-OTHER']).toBe(FILTERS.cannotShipToStore);
  });

  it('for pickup without transfers backorders what the shelf lacks', () => {
    const plan = defaultRoutingStrategy.route(pickupInput(), {
      ...DEFAULT_RULES,
      transferToPickup: false,
    });
    expect(plan.allocations).toEqual([{ location: 'ST', lines: [{ sku: 'A', qty: 2 }] }]);
    expect(plan.backordered).toEqual([{ sku: 'B', qty: 1 }]);
    const why = Object.fromEntries(plan.candidates.map((c) => [c.location, c.removedBy]));
    expect(why['WH-NEAR']).toBe(FILTERS.notPickupLocation);
  });

  it('backorders everything when nothing can send anything', () => {
    const plan = defaultRoutingStrategy.route(input([location('EMPTY', 51, 0, {})]), DEFAULT_RULES);
    expect(plan.allocations).toEqual([]);
    expect(plan.backordered).toEqual([
      { sku: 'A', qty: 2 },
      { sku: 'B', qty: 1 },
    ]);
  });
});
