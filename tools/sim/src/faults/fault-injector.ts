import type { SimWorld } from '../world/sim-world.js';
import { faultPlan, type FaultKind } from './fault-plan.js';
import type { Random } from '../random.js';

export interface FaultRecord {
  kind: FaultKind;
  target: string;
  at_ms: number;
  hold_ms: number;
  /** When the target was back (a restarted replica ready, a server answering). */
  recovered_ms?: number;
  error?: string;
}

/**
 * Applies the plan to the world until `deadline_ms`: one fault at a time, each undone
 * (a replica restarted, a server started) before the next gap starts. Whatever is down or
 * still starting at the deadline is brought back by `heal`.
 */
export async function injectFaults(
  world: SimWorld,
  random: Random,
  deadline_ms: number,
  say: (line: string) => void,
): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  const plan = faultPlan(
    random,
    world.processes.map((p) => p.name),
  );
  const sleepUntilDeadline = (ms: number) =>
    new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Math.min(ms, deadline_ms - Date.now()))),
    );
  for (const step of plan) {
    await sleepUntilDeadline(step.gap_ms);
    if (Date.now() >= deadline_ms) break;
    const record: FaultRecord = {
      kind: step.kind,
      target: step.target,
      at_ms: Date.now(),
      hold_ms: step.hold_ms,
    };
    records.push(record);
    say(`fault: ${step.kind} ${step.target} for ${step.hold_ms} ms`);
    const recovered = apply(world, step.kind, step.target, step.hold_ms).then(
      () => {
        record.recovered_ms = Date.now();
      },
      (error) => {
        record.error = (error as Error).message;
        say(`! fault ${step.kind} ${step.target}: ${record.error}`);
      },
    );
    // A killed replica is back once restarted; the next gap does not wait for it to be ready
    // (under load that takes longer than the fault itself), so faults can overlap a recovery.
    await Promise.race([recovered, restarted(step.hold_ms)]);
  }
  return records;
}

/** How long a fault's own part takes before recovery begins. */
const restarted = (hold_ms: number) => new Promise((resolve) => setTimeout(resolve, hold_ms + 100));

async function apply(world: SimWorld, kind: FaultKind, target: string, hold_ms: number) {
  const wait = () => new Promise((resolve) => setTimeout(resolve, hold_ms));
  switch (kind) {
    case 'kill': {
      const replica = world.processes.find((p) => p.name === target)!;
      replica.kill();
      await wait();
      await replica.start();
      return;
    }
    case 'pause': {
      const replica = world.processes.find((p) => p.name === target)!;
      replica.pause();
      await wait();
      replica.resume();
      return;
    }
    case 'nats-restart':
      await world.nats.stop();
      await wait();
      await world.nats.start();
      return;
    case 'postgres-crash':
      await world.crashPostgres();
      await wait();
      await world.startPostgres();
      return;
  }
}
