/** What end-to-end tests and tools may use of this app: its service definition, its consumers' names and its pure routing policy. */
export { routingService } from './routing.service.js';
export { HOLD_LOST_CONSUMER_DURABLE } from './fulfilments/hold-lost/hold-lost.consumer.js';
export { defaultRoutingStrategy } from './routing/default-routing-strategy.js';
export { DEFAULT_RULES } from './routing/routing-strategy.js';
export type { CandidateLocation, RoutingInput } from './routing/routing-strategy.js';
