/** What end-to-end tests and tools may use of this app: its service definition and its pure routing policy. */
export { routingService } from './routing.service.js';
export { defaultRoutingStrategy } from './routing/default-routing-strategy.js';
export { DEFAULT_RULES } from './routing/routing-strategy.js';
export type { CandidateLocation, RoutingInput } from './routing/routing-strategy.js';
