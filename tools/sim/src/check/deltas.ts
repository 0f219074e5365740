/** Units by bucket at one position: what a command moved, or should have. */
export interface Delta {
  onHand: number;
  reserved: number;
  quarantine: number;
  inTransit: number;
}

export type Deltas = Map<string, Delta>;

export const positionKey = (sku: string, location: string) => `${sku}@${location}`;

export function addDelta(deltas: Deltas, sku: string, location: string, change: Partial<Delta>) {
  const key = positionKey(sku, location);
  const delta = deltas.get(key) ?? { onHand: 0, reserved: 0, quarantine: 0, inTransit: 0 };
  delta.onHand += change.onHand ?? 0;
  delta.reserved += change.reserved ?? 0;
  delta.quarantine += change.quarantine ?? 0;
  delta.inTransit += change.inTransit ?? 0;
  deltas.set(key, delta);
}

const isZero = (d: Delta) =>
  d.onHand === 0 && d.reserved === 0 && d.quarantine === 0 && d.inTransit === 0;

/** Positions where the two disagree, with both sides; empty when they match. */
export function compareDeltas(
  expected: Deltas,
  found: Deltas,
): { position: string; expected: Delta; found: Delta }[] {
  const zero = { onHand: 0, reserved: 0, quarantine: 0, inTransit: 0 };
  const differences: { position: string; expected: Delta; found: Delta }[] = [];
  for (const key of new Set([...expected.keys(), ...found.keys()])) {
    const e = expected.get(key) ?? zero;
    const f = found.get(key) ?? zero;
    if (
      e.onHand !== f.onHand ||
      e.reserved !== f.reserved ||
      e.quarantine !== f.quarantine ||
      e.inTransit !== f.inTransit
    ) {
      if (isZero(e) && isZero(f)) continue;
      differences.push({ position: key, expected: e, found: f });
    }
  }
  return differences;
}
