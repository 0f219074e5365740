export * from './fulfilment-events.js';
