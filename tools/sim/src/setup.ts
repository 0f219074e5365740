import { CHANNELS, LOCATIONS, SKUS } from './estate.js';
import { GatewayClient } from './actors/transport.js';

export interface ActorKeys {
  storefront: string;
  warehouse: string;
  /** Stores' and warehouses' floors working fulfilment queues. */
  floor: string;
  returnsDesk: string;
}

/** Reference data and one key per kind of actor, through the gateway with the admin key. */
export async function setUpEstate(gatewayUrl: string, adminKey: string): Promise<ActorKeys> {
  const admin = new GatewayClient(gatewayUrl, adminKey);
  const must = async (method: string, path: string, body: unknown) => {
    const answer = await admin.send(method, path, body);
    if (answer.kind !== 'ok')
      throw new Error(`setup ${method} ${path}: ${answer.code} ${answer.message}`);
    return answer.value;
  };
  await must('POST', '/v1/locations', { locations: LOCATIONS });
  await must('POST', '/v1/skus', { skus: SKUS.map((sku) => ({ sku })) });
  await must('POST', '/v1/channels', { channels: CHANNELS });
  const key = async (name: string, scopes: string[]) =>
    (await must('POST', '/v1/api-keys', { name, scopes })).key as string;
  return {
    storefront: await key('sim storefronts', ['storefront']),
    warehouse: await key('sim warehouses', ['warehouse']),
    floor: await key('sim floors', ['warehouse', 'store']),
    returnsDesk: await key('sim returns desks', ['returns_desk']),
  };
}
