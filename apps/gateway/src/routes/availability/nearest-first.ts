import { ledger, type ReplyOf } from '@omnistock/contracts';
import type { Lookup } from '../route.js';

const EARTH_RADIUS_KM = 6371;

export function distanceKm(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** Orders each SKU's locations by distance from the shopper, nearest first, and says how far. */
export async function nearestFirst(
  reply: ReplyOf<typeof ledger.availability>,
  origin: { lat: number; lon: number },
  lookup: Lookup,
) {
  const codes = [
    ...new Set(reply.items.flatMap((item) => item.locations.map((entry) => entry.location))),
  ];
  if (codes.length === 0) return reply;
  const { locations } = await lookup(ledger.listLocations, { codes });
  const distance = new Map(
    locations.map((location) => [location.code, distanceKm(origin, location)]),
  );
  return {
    items: reply.items.map((item) => ({
      ...item,
      locations: item.locations
        .map((entry) => {
          const km = distance.get(entry.location);
          return km === undefined ? entry : { ...entry, distanceKm: Math.round(km * 10) / 10 };
        })
        .sort(
          (a, b) =>
            ('distanceKm' in a ? a.distanceKm : Infinity) -
            ('distanceKm' in b ? b.distanceKm : Infinity),
        ),
    })),
  };
}
