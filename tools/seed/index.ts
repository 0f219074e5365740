export * from './demo-data.js';
export * from './load-demo-data.js';
