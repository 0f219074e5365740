/** What the route layer needs from the gateway's configuration, injected by this token. */
export const GATEWAY_SETTINGS = Symbol('GATEWAY_SETTINGS');

export interface GatewaySettings {
  natsTimeoutMs: number;
  healthTimeoutMs: number;
}
