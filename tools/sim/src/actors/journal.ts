/**
 * What the actors were told. The checker holds the databases and JetStream to it: every
 * command answered `ok` must be there, and nothing may be there that no actor sent.
 */
export type Outcome = 'ok' | 'refused' | 'unknown';

/** Who sent which command, how. */
export interface CommandMeta {
  actor: string;
  actorKind: string;
  /** The command, e.g. `receipt`, `reserve`, `release`. */
  kind: string;
  /** Its idempotency key or the id it acts on. */
  id: string;
  transport: 'http' | 'nats';
  payload: unknown;
}

export interface JournalEntry extends CommandMeta {
  outcome: Outcome;
  /** The typed error code of a refusal, or why the answer stayed unknown. */
  code?: string;
  reply?: unknown;
  attempts: number;
  sent_ms: number;
  answered_ms: number;
}

/** An answer no well-built command should get: a 500, or a 400 for a command the simulator built valid. */
export interface Anomaly {
  actor: string;
  kind: string;
  id: string;
  transport: 'http' | 'nats';
  status: number | undefined;
  code: string;
  message: string;
  at_ms: number;
}

export class Journal {
  readonly entries: JournalEntry[] = [];
  readonly anomalies: Anomaly[] = [];

  record(entry: JournalEntry): void {
    this.entries.push(entry);
  }

  anomaly(anomaly: Anomaly): void {
    this.anomalies.push(anomaly);
  }

  of(kind: string): JournalEntry[] {
    return this.entries.filter((entry) => entry.kind === kind);
  }

  /** Why commands were refused or stayed unknown, per command kind and code, for the report. */
  codes(): Record<string, Record<string, number>> {
    const codes: Record<string, Record<string, number>> = {};
    for (const entry of this.entries) {
      if (entry.outcome === 'ok') continue;
      const byCode = (codes[entry.kind] ??= {});
      const code = `${entry.outcome}:${entry.code ?? '?'}`;
      byCode[code] = (byCode[code] ?? 0) + 1;
    }
    return codes;
  }

  /** Commands per actor kind and outcome, for the report. */
  tally(): Record<string, Record<string, Record<Outcome, number>>> {
    const tally: Record<string, Record<string, Record<Outcome, number>>> = {};
    for (const entry of this.entries) {
      const byKind = (tally[entry.actorKind] ??= {});
      const counts = (byKind[entry.kind] ??= { ok: 0, refused: 0, unknown: 0 });
      counts[entry.outcome]++;
    }
    return tally;
  }
}
