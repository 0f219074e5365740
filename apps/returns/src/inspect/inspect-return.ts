import { fail, type RequestOf, type Result, type returns } from '@omnistock/contracts';
import { payloadHash } from '@omnistock/database';
import { readSaga, type ServiceRuntime } from '@omnistock/service-kit';
import { checkReturnTransition } from '../lifecycle/return-lifecycle.js';
import { RETURN_SAGAS, returnSagaId, returnSagas } from '../sagas/return-sagas.js';
import { readReturn } from '../store/return-store.js';
import { sumBySku } from '../store/units.js';
import type { InspectionInput } from './inspection-saga.js';

type Request = RequestOf<typeof returns.inspectReturn>;
type Graded = readonly { sku: string; qty: number; grade: string }[];

/**
 * Grade every received unit; the inspection saga disposes of each unit once. One inspection
 * of a return runs at a time: another with other grades meanwhile, or after it closed the
 * return, is refused (409); the same grades again — a retry, a second desk — get its answer.
 * After an inspection the ledger partly refused, grading again disposes of the rest.
 */
export async function inspectReturn(
  runtime: ServiceRuntime,
  request: Request,
): Promise<Result<returns.ReturnViewType>> {
  const current = await readReturn(runtime.dataSource.manager, request.id);
  if (!current.ok) return current;
  const view = current.value;
  const finished = view.status === 'inspected' || view.status === 'closed';
  if (!finished) {
    const step = checkReturnTransition(request.id, view.status, 'inspected');
    if (!step.ok) return step;
    const mismatch = ungraded(view.received, request.lines);
    if (mismatch.length > 0)
      return fail('VALIDATION_FAILED', 'grade every received unit, no more and no fewer', {
        lines: mismatch,
      });
  }
  const engine = returnSagas(runtime);
  const sagaId = returnSagaId(RETURN_SAGAS.inspect, request.id);
  const input: InspectionInput = {
    returnId: request.id,
    lines: request.lines,
    ...(request.actor ? { actor: request.actor } : {}),
  };
  // The same grades are the same inspection, whichever desk sends them.
  const identity = { returnId: request.id, grades: gradeKey(request.lines) };
  const answer = await engine.run<returns.ReturnViewType>(RETURN_SAGAS.inspect, sagaId, input, {
    identity,
  });
  if (answer.ok || answer.error.code !== 'IDEMPOTENCY_CONFLICT') return answer;
  const saga = await readSaga(runtime.dataSource, sagaId);
  if (!saga || saga.payload_hash === payloadHash(identity)) return answer;
  return fail(
    'INVALID_TRANSITION',
    saga.status === 'done'
      ? `return ${request.id} was already inspected`
      : `return ${request.id} is being inspected with other grades`,
    { from: saga.status === 'done' ? 'closed' : 'received' },
  );
}

function ungraded(received: readonly { sku: string; qty: number }[], graded: Graded) {
  const receivedBySku = sumBySku(received);
  const gradedBySku = sumBySku(graded);
  return [...new Set([...receivedBySku.keys(), ...gradedBySku.keys()])]
    .filter((sku) => receivedBySku.get(sku) !== gradedBySku.get(sku))
    .map((sku) => ({
      sku,
      received: receivedBySku.get(sku) ?? 0,
      graded: gradedBySku.get(sku) ?? 0,
    }));
}

const gradeKey = (lines: Graded) =>
  lines
    .map((line) => `${line.sku}|${line.grade}|${line.qty}`)
    .sort()
    .join(',');
