export * from './saga-definition.js';
export * from './saga-engine.js';
export * from './saga-ids.js';
export { SAGA_DDL, readSaga, type SagaRow } from './saga-store.js';
