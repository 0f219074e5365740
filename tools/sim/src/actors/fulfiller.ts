import { routing, type routing as routingTypes } from '@omnistock/contracts';
import { Actor, type ActorSpec } from './actor.js';
import type { ReturnablePool } from './returns-desk.js';
import type { Attempt } from './transport.js';
import { sendNats } from './transport.js';

type Fulfilment = routingTypes.FulfilmentViewType;

const QUEUE_READ_MAX = 20;
const WORKED_STATUSES = ['assigned', 'accepted', 'ready_for_pickup', 'shipped'] as const;

/**
 * A store's or warehouse's floor: works its locations' fulfilment queues — accepts or
 * rejects what is assigned, ships or makes ready what is accepted, hands over what is
 * ready, and confirms deliveries (a ship-to-store leg's delivery brings the units to the
 * pickup store).
 */
export class Fulfiller extends Actor {
  constructor(
    spec: ActorSpec,
    private readonly locations: readonly string[],
    private readonly returnable: ReturnablePool,
  ) {
    super(spec);
  }

  protected async step(): Promise<void> {
    const location = this.random.pick(this.locations);
    const status = this.random.pick(WORKED_STATUSES);
    const queue = await this.queue(location, status);
    if (queue.length === 0) return;
    const fulfilment = this.random.pick(queue);
    const pickup = fulfilment.method === 'pickup' && !fulfilment.shipTo;
    switch (fulfilment.status) {
      case 'assigned':
        if (this.random.chance(0.85))
          await this.act('accept', fulfilment, routing.acceptFulfilment, {});
        else await this.reject(fulfilment);
        return;
      case 'accepted':
        if (this.random.chance(0.05)) await this.reject(fulfilment);
        else if (pickup) await this.act('ready', fulfilment, routing.readyFulfilment, {});
        else
          await this.act('ship', fulfilment, routing.shipFulfilment, {
            tracking: `TRK-${fulfilment.id}`.slice(0, 64),
          });
        return;
      case 'ready_for_pickup':
        return this.handOver('collect', fulfilment, routing.collectFulfilment);
      case 'shipped':
        return this.handOver('deliver', fulfilment, routing.deliverFulfilment);
      default:
        return;
    }
  }

  /** The customer has the units (a leg's delivery only brings them to the pickup store). */
  private async handOver(verb: string, fulfilment: Fulfilment, contract: any): Promise<void> {
    if ((await this.act(verb, fulfilment, contract, {})) && !fulfilment.shipTo)
      this.returnable.orders.push({ orderId: fulfilment.orderId, lines: fulfilment.lines });
  }

  private reject(fulfilment: Fulfilment): Promise<boolean> {
    return this.act('reject', fulfilment, routing.rejectFulfilment, {
      reason: 'not on the shelf',
    });
  }

  private async queue(location: string, status: string): Promise<Fulfilment[]> {
    const answer: Attempt =
      this.transport === 'http'
        ? await this.read(
            `/v1/fulfilments?location=${location}&status=${status}&limit=${QUEUE_READ_MAX}`,
          )
        : await sendNats(this.env.requester, routing.listFulfilments, {
            location,
            status: status as Fulfilment['status'],
            limit: QUEUE_READ_MAX,
          });
    return answer.kind === 'ok' ? (answer.value.fulfilments as Fulfilment[]) : [];
  }

  private async act(
    verb: string,
    fulfilment: Fulfilment,
    contract: any,
    body: Record<string, unknown>,
  ): Promise<boolean> {
    const path = `/v1/fulfilments/${fulfilment.id}/${verb}`;
    const answer =
      this.transport === 'http'
        ? await this.http(verb, fulfilment.id, 'POST', path, body)
        : await this.nats(verb, fulfilment.id, contract, {
            ...body,
            id: fulfilment.id,
            actor: this.name,
          });
    return answer.outcome === 'ok';
  }
}
