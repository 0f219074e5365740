/** What end-to-end tests and tools may use of this app: its service definition. */
export { gatewayService } from './gateway.service.js';
