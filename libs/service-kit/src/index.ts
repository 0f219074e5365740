export * from './config.js';
export * from './runtime.js';
export * from './command.js';
export * from './serve-request.js';
export * from './health.js';
export * from './boot.js';
export * from './migration-helpers.js';
