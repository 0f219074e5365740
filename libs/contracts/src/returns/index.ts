export * from './shared.js';
export * from './create-return.js';
export * from './receive-return.js';
export * from './inspect-return.js';
export * from './get-return.js';
export * from './cancel-return.js';
export * from './configure-policies.js';
export * from './events.js';
