export * from './data-source.js';
export * from './migrate.js';
export * from './transaction.js';
export * from './canonical-json.js';
export * from './command-log.js';
export * from './admin.js';
export * from './write-batch.js';
export * from './dependency-down.js';
