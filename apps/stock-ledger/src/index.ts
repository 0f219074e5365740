/** What end-to-end tests and tools may use of this app: its service definition. */
export { ledgerService } from './ledger.service.js';
