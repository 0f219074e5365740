/** Units per SKU: lines of one SKU summed, whatever their grade or reason. */
export function sumBySku(lines: readonly { sku: string; qty: number }[]): Map<string, number> {
  const summed = new Map<string, number>();
  for (const line of lines) summed.set(line.sku, (summed.get(line.sku) ?? 0) + line.qty);
  return summed;
}

export function sameUnits(
  a: readonly { sku: string; qty: number }[],
  b: readonly { sku: string; qty: number }[],
): boolean {
  const left = sumBySku(a);
  const right = sumBySku(b);
  return left.size === right.size && [...left].every(([sku, qty]) => right.get(sku) === qty);
}
