export * from './errors.js';
export * from './limits.js';
export * from './schema.js';
export * from './events.js';
export * from './asyncapi.js';
export * from './service/health.js';
export * as ledger from './ledger/index.js';
export * from './bench/echo.js';
