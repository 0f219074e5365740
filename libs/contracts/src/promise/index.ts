export * from './resolve-promise.js';
export * from './limits.js';
export * from './shared.js';
export * from './configure-carriers.js';
export * from './configure-calendars.js';
export * from './quote.js';
export * from './get-promise.js';
export * from './kept-rate.js';
