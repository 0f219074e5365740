export * from './environment.js';
export * from './throwaway-database.js';
export * from './test-services.js';
export * from './boot-check.js';
export * from './fixtures.js';
export * from './free-port.js';
export * from './ensure-built.js';
