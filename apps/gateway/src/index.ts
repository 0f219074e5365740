/** What end-to-end tests and tools may use of this app: how to configure and start it. */
export { loadGatewayConfig, type GatewayConfig } from './config.js';
export { gatewayDefinition, startGateway } from './gateway.service.js';
export { ALL_ROUTES } from './routes/all-routes.js';
