export * from './resolve-promise.js';
