/** What end-to-end tests and tools may use of this app: its service definition. */
export { promiseService } from './promise.service.js';
