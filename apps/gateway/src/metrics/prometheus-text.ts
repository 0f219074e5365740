/**
 * Just enough of the Prometheus text format (0.0.4) to merge several services' expositions
 * into one valid page (each metric family once, with one HELP and TYPE) and to read
 * sample values back for the dashboard.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Family {
  help?: string;
  type?: string;
  samples: string[];
}

const SAMPLE_PATTERN = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)(\s+\S+)?$/;
const LABEL_PATTERN = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function escapeLabelValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

function unescapeLabelValue(value: string): string {
  return value.replace(/\\(.)/g, (_, character: string) => (character === 'n' ? '\n' : character));
}

export function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('#')) continue;
    const match = SAMPLE_PATTERN.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const label of (match[2] ?? '').matchAll(LABEL_PATTERN))
      labels[label[1]!] = unescapeLabelValue(label[2]!);
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** Adds `service="…"` to a sample line that lacks it, so every merged sample says where it came from. */
function withServiceLabel(line: string, service: string): string {
  const match = SAMPLE_PATTERN.exec(line);
  if (!match) return line;
  const [, name, labels = '', value, timestamp = ''] = match;
  if (/(^|[{,])service="/.test(labels)) return line;
  const serviceLabel = `service="${escapeLabelValue(service)}"`;
  const merged = labels.length > 2 ? `{${serviceLabel},${labels.slice(1)}` : `{${serviceLabel}}`;
  return `${name}${merged} ${value}${timestamp}`;
}

/** One exposition from several, families grouped (the format forbids a family appearing twice). */
export function mergeExpositions(sources: { service: string; text: string }[]): string {
  const families = new Map<string, Family>();
  const familyOf = (name: string) => {
    let family = families.get(name);
    if (!family) families.set(name, (family = { samples: [] }));
    return family;
  };
  for (const source of sources) {
    let current: string | undefined;
    for (const line of source.text.split('\n')) {
      if (line.trim().length === 0) continue;
      const meta = /^#\s+(HELP|TYPE)\s+(\S+)\s?(.*)$/.exec(line);
      if (meta) {
        const [, kind, name, rest] = meta as unknown as [string, 'HELP' | 'TYPE', string, string];
        current = name;
        const family = familyOf(name);
        if (kind === 'HELP') family.help ??= rest;
        else family.type ??= rest;
        continue;
      }
      if (line.startsWith('#')) continue;
      const name = SAMPLE_PATTERN.exec(line)?.[1];
      if (!name) continue;
      // Histogram and summary samples (_bucket, _sum, _count) belong to the family declared above them.
      const owner = current !== undefined && name.startsWith(current) ? current : name;
      familyOf(owner).samples.push(withServiceLabel(line, source.service));
    }
  }
  const lines: string[] = [];
  for (const [name, family] of families) {
    if (family.help !== undefined) lines.push(`# HELP ${name} ${family.help}`);
    if (family.type !== undefined) lines.push(`# TYPE ${name} ${family.type}`);
    lines.push(...family.samples);
  }
  return `${lines.join('\n')}\n`;
}
