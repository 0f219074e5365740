/** What end-to-end tests and tools may use of this app: its service definition and its consumer's name. */
export { promiseService } from './promise.service.js';
export { OUTCOME_CONSUMER_DURABLE } from './outcomes/outcome-consumer.js';
