import { DomainError, ok } from '@omnistock/contracts';
import { createServiceDataSource, prepareDatabase } from '@omnistock/database';
import { createLogger, ServiceMetrics } from '@omnistock/observability';
import {
  createSagaTables,
  createServicePlumbing,
  readSaga,
  SAGA_LIMITS,
  SagaEngine,
  type SagaDefinition,
  type SagaHost,
} from '@omnistock/service-kit';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@omnistock/testing';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

class SagaTestTables1700000000000 implements MigrationInterface {
  name = 'SagaTestTables1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await createServicePlumbing(queryRunner);
    await createSagaTables(queryRunner);
    await queryRunner.query('CREATE TABLE effects (saga text NOT NULL, step text NOT NULL)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE effects');
  }
}

interface Input {
  n: number;
  /** The remote step answers "unavailable" this many times first. */
  outage?: number;
  /** The remote step never succeeds: the saga must compensate. */
  broken?: boolean;
  slow_ms?: number;
}
interface State {
  doubled?: number;
  compensated?: boolean;
}

/** Remote effects, as another service would keep them: keyed by step id, so a repeat is a replay. */
const remoteEffects = new Map<string, number>();
const outagesLeft = new Map<string, number>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const doubler: SagaDefinition<Input, State, { result: number }> = {
  kind: 'test.double',
  first: 'double',
  initialState: () => ({}),
  steps: {
    double: {
      remote: async (ctx) => {
        if (ctx.input.slow_ms) await sleep(ctx.input.slow_ms);
        const key = ctx.stepId('double');
        const left = outagesLeft.get(key) ?? ctx.input.outage ?? 0;
        if (ctx.input.broken || left > 0) {
          outagesLeft.set(key, left - 1);
          return { retry: 'the doubling service is down' };
        }
        remoteEffects.set(key, (remoteEffects.get(key) ?? 0) + 1);
        return { next: 'record', state: { doubled: ctx.input.n * 2 } };
      },
    },
    record: {
      local: async (manager, ctx) => {
        await manager.query('INSERT INTO effects (saga, step) VALUES ($1, $2)', [ctx.id, 'record']);
        return { done: { result: ctx.state.doubled! } };
      },
    },
    compensate: {
      local: async (manager, ctx) => {
        await manager.query('INSERT INTO effects (saga, step) VALUES ($1, $2)', [
          ctx.id,
          'compensate',
        ]);
        return {
          failed: new DomainError('SERVICE_UNAVAILABLE', 'doubling is down; nothing was done'),
          state: { compensated: true },
        };
      },
    },
  },
  onGiveUp: () => ({ next: 'compensate' }),
};

describe('the saga engine', () => {
  let database: ThrowawayDatabase;
  let dataSource: DataSource;
  let engine: SagaEngine;
  let host: SagaHost;

  beforeAll(async () => {
    database = await createThrowawayDatabase('saga_engine');
    dataSource = createServiceDataSource({
      url: database.url,
      schema: 'sagas',
      entities: [],
      migrations: [SagaTestTables1700000000000],
      poolSize: 6,
      applicationName: 'saga-engine-test',
    });
    await prepareDatabase(dataSource, database.url, 'sagas');
    host = {
      service: 'test',
      dataSource,
      logger: createLogger('test', 'saga', 'silent'),
      metrics: new ServiceMetrics('test', 'saga'),
      requester: {
        request: async () => ({
          ok: false,
          error: { code: 'SERVICE_UNAVAILABLE', message: 'none' },
        }),
      } as unknown as SagaHost['requester'],
      config: { instanceId: 'saga' },
    };
    engine = new SagaEngine(host, [doubler]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const effects = async (saga: string) =>
    (await dataSource.query('SELECT step FROM effects WHERE saga = $1 ORDER BY step', [saga])).map(
      (row: { step: string }) => row.step,
    );

  it('runs remote and local steps to the end, and answers a replay with the first result', async () => {
    expect(await engine.run('test.double', 'd-1', { n: 21 })).toEqual(ok({ result: 42 }));
    expect(await engine.run('test.double', 'd-1', { n: 21 })).toEqual(ok({ result: 42 }));
    expect(remoteEffects.get('d-1:g1:double')).toBe(1);
    expect(await effects('d-1')).toEqual(['record']);
    const history = await dataSource.query(
      'SELECT seq, step, outcome FROM saga_steps WHERE saga_id = $1 ORDER BY seq',
      ['d-1'],
    );
    expect(history).toEqual([
      { seq: 1, step: 'double', outcome: 'next' },
      { seq: 2, step: 'record', outcome: 'done' },
    ]);
  });

  it('refuses the same id with another payload', async () => {
    const reply = await engine.run('test.double', 'd-1', { n: 5 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_CONFLICT' } });
  });

  it('waits out a short outage, retrying the step with backoff', async () => {
    expect(await engine.run('test.double', 'd-2', { n: 1, outage: 2 })).toEqual(ok({ result: 2 }));
    expect(remoteEffects.get('d-2:g1:double')).toBe(1);
  });

  it('answers IN_PROGRESS past its wait, and the worker finishes the saga', async () => {
    const reply = await engine.run('test.double', 'd-3', { n: 4, slow_ms: 300 }, { wait_ms: 50 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'IN_PROGRESS' } });
    // The first driver is still in its step and holds the lease; the worker leaves it be.
    await engine.tick();
    for (let i = 0; i < 50 && (await readSaga(dataSource, 'd-3'))!.status === 'running'; i++) {
      await sleep(50);
      await engine.tick();
    }
    expect(await engine.outcome('d-3')).toEqual(ok({ result: 8 }));
    expect(remoteEffects.get('d-3:g1:double')).toBe(1);
  });

  it('resumes a saga whose driver died, once its lease runs out', async () => {
    // A driver took the saga and died before its step ended: its lease is what is left.
    await dataSource.query(
      `INSERT INTO sagas (id, kind, payload_hash, input, state, step, status, lease_owner, lease_until)
       VALUES ('d-4', 'test.double', 'x', '{"n":3}', '{}', 'double', 'running', 'dead', clock_timestamp() + interval '1 hour')`,
    );
    expect(await engine.tick()).toBe(0);
    await dataSource.query(
      `UPDATE sagas SET lease_until = clock_timestamp() - interval '1 second' WHERE id = 'd-4'`,
    );
    expect(await engine.tick()).toBe(1);
    expect(await engine.outcome('d-4')).toEqual(ok({ result: 6 }));
  });

  it('gives one result to concurrent callers of one id, and does each effect once', async () => {
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => engine.run('test.double', 'd-5', { n: 7, slow_ms: 100 })),
    );
    expect(replies).toEqual(Array(5).fill(ok({ result: 14 })));
    expect(remoteEffects.get('d-5:g1:double')).toBe(1);
    expect(await effects('d-5')).toEqual(['record']);
  });

  it('compensates after the last retry, and a later request starts it over as a new generation', async () => {
    const id = 'd-6';
    let reply = await engine.run('test.double', id, { n: 2, broken: true }, { wait_ms: 100 });
    for (let i = 0; i < 200 && !reply.ok && reply.error.code === 'IN_PROGRESS'; i++) {
      // Skip the backoff: the test is about what happens at the limit, not about waiting.
      await dataSource.query(`UPDATE sagas SET next_run_at = clock_timestamp() WHERE id = $1`, [
        id,
      ]);
      await engine.tick();
      reply = (await engine.outcome(id))!;
    }
    expect(reply).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    const saga = (await readSaga(dataSource, id))!;
    expect(saga).toMatchObject({ status: 'failed', state: { compensated: true } });
    expect(await effects(id)).toEqual(['compensate']);
    const [{ attempts_seen }] = await dataSource.query(
      `SELECT count(*)::int AS attempts_seen FROM saga_steps WHERE saga_id = $1 AND outcome = 'next'`,
      [id],
    );
    expect(attempts_seen).toBe(1);
    expect(SAGA_LIMITS.attempts_max).toBeGreaterThan(1);
    // Asked again once the dependency is back: generation 2, new step ids, a fresh run.
    expect(await engine.run('test.double', id, { n: 2 })).toEqual(ok({ result: 4 }));
    expect((await readSaga(dataSource, id))!.generation).toBe(2);
    expect(remoteEffects.get('d-6:g2:double')).toBe(1);
    expect(remoteEffects.has('d-6:g1:double')).toBe(false);
  });

  it('rolls back what a local step wrote when the step fails unexpectedly', async () => {
    let failures = 1;
    const flaky = new SagaEngine({ ...host, metrics: new ServiceMetrics('test', 'flaky') }, [
      {
        ...doubler,
        kind: 'test.flaky',
        first: 'write',
        steps: {
          write: {
            local: async (manager, ctx) => {
              await manager.query('INSERT INTO effects (saga, step) VALUES ($1, $2)', [
                ctx.id,
                'write',
              ]);
              if (failures-- > 0) throw new Error('the disk hiccupped');
              return { done: { result: 1 } };
            },
          },
        },
      },
    ]);
    expect(await flaky.run('test.flaky', 'f-1', { n: 0 })).toEqual(ok({ result: 1 }));
    expect(await effects('f-1')).toEqual(['write']);
  });

  it('gives up at once, without retrying, on data the database refuses', async () => {
    let runs = 0;
    const strict = new SagaEngine({ ...host, metrics: new ServiceMetrics('test', 'strict') }, [
      {
        ...doubler,
        kind: 'test.strict',
        first: 'write',
        steps: {
          write: {
            local: async (manager) => {
              runs++;
              await manager.query(`SELECT 'not a number'::int`);
              return { done: { result: 0 } };
            },
          },
        },
        onGiveUp: (_ctx, _step, failure) => ({ failed: failure }),
      },
    ]);
    expect(await strict.run('test.strict', 'x-1', { n: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(runs).toBe(1);
  });
});
