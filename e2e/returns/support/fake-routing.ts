import { errorEnvelope, routing, type RequestOf } from '@omnistock/contracts';
import { namespacedSubject } from '@omnistock/messaging';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';

/**
 * A stand-in for the routing service that answers what returns asks of it — the order as
 * fulfilled, and an exchange order placed — from orders the test writes. It lets the
 * returns rules be tested against every shape of order without driving real shipments.
 */
export class FakeRouting {
  readonly orders = new Map<string, routing.OrderViewType>();
  readonly placed: RequestOf<typeof routing.createOrder>[] = [];
  /** While set, placing an order answers as a routing service that is down would. */
  down = false;
  private readonly subscriptions: Subscription[] = [];

  constructor(connection: NatsConnection, namespace: string) {
    this.subscriptions.push(
      connection.subscribe(namespacedSubject(namespace, routing.getOrder.subject), {
        callback: (_error, message) => {
          const { id } = message.json<{ id: string }>();
          const order = this.orders.get(id);
          message.respond(JSON.stringify(order ?? errorEnvelope('NOT_FOUND', `no order ${id}`)));
        },
      }),
      connection.subscribe(namespacedSubject(namespace, routing.createOrder.subject), {
        callback: (_error, message) => {
          if (this.down) {
            message.respond(
              JSON.stringify(errorEnvelope('SERVICE_UNAVAILABLE', 'routing is down')),
            );
            return;
          }
          const request = message.json<RequestOf<typeof routing.createOrder>>();
          this.placed.push(request);
          message.respond(
            JSON.stringify({
              ...this.shippedOrder(request.id, request.lines, 0),
              channel: request.channel,
            }),
          );
        },
      }),
    );
  }

  /** An order whose lines all shipped from one location `daysAgo` days ago. */
  shippedOrder(
    id: string,
    lines: { sku: string; qty: number }[],
    daysAgo = 1,
    location = 'WH-1',
    channel = 'web',
  ) {
    const at = new Date(Date.now() - daysAgo * 24 * 3600 * 1000).toISOString();
    const order: routing.OrderViewType = {
      id,
      channel,
      status: 'fulfilled',
      method: 'ship',
      lines,
      destination: { lat: 51.5, lon: -0.12 },
      pickupLocation: null,
      promiseId: null,
      reservationId: null,
      backordered: [],
      fulfilments: [
        {
          id: `${id}:1:${location}`,
          orderId: id,
          location,
          status: 'shipped',
          method: 'ship',
          lines,
          holdId: `${id}:1:${location}`,
          tracking: null,
          reason: null,
          updatedAt: at,
        },
      ],
      route: [],
      cancelReason: null,
      createdAt: at,
    };
    return order;
  }

  addShippedOrder(...args: Parameters<FakeRouting['shippedOrder']>) {
    const order = this.shippedOrder(...args);
    this.orders.set(order.id, order);
    return order;
  }

  close(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}
