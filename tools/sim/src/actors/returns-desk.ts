import { returns } from '@omnistock/contracts';
import { ALL_LOCATIONS } from '../estate.js';
import { Actor, type ActorSpec } from './actor.js';

/** An order whose units reached the customer, which a returns desk may take back. */
export interface Returnable {
  orderId: string;
  lines: { sku: string; qty: number }[];
}

/** Filled by the floors as parcels are delivered and pickups collected; drawn on by the desks. */
export class ReturnablePool {
  readonly orders: Returnable[] = [];
}

interface OpenReturn {
  id: string;
  lines: { sku: string; qty: number }[];
  received: boolean;
}

const GRADES = ['resellable', 'damaged', 'defective', 'wrong_item'] as const;
const REASONS = ['changed_mind', 'wrong_size', 'damaged', 'defective', 'other'] as const;

/**
 * A returns desk: authorises returns of delivered or collected orders (sometimes more than
 * once per order, which must be refused past what was fulfilled), receives them at any
 * location, and grades them; now and then two desks grade the same return at once with
 * different grades, which must still dispose of each unit once.
 */
export class ReturnsDesk extends Actor {
  private readonly open: OpenReturn[] = [];
  private made = 0;

  constructor(
    spec: ActorSpec,
    private readonly pool: ReturnablePool,
  ) {
    super(spec);
  }

  protected async step(): Promise<void> {
    const received = this.open.filter((r) => r.received);
    const action = this.random.weighted({
      authorise: this.pool.orders.length > 0 ? 3 : 0,
      receive: this.open.length > received.length ? 3 : 0,
      inspect: received.length > 0 ? 3 : 0,
      idle: 1,
    });
    if (action === 'authorise') return this.authorise();
    if (action === 'receive')
      return this.receive(this.random.pick(this.open.filter((r) => !r.received)));
    if (action === 'inspect') return this.inspect(this.random.pick(received));
  }

  private async authorise(): Promise<void> {
    const index = this.random.int(0, this.pool.orders.length - 1);
    const order = this.pool.orders[index]!;
    // Mostly once per order; sometimes the same order again, past what it fulfilled.
    if (this.random.chance(0.8)) this.pool.orders.splice(index, 1);
    const lines = this.random
      .sample(order.lines, this.random.int(1, order.lines.length))
      .map((line) => ({
        sku: line.sku,
        qty: this.random.int(1, line.qty),
        reason: this.random.pick(REASONS),
      }));
    const id = `ret-${this.name}-${++this.made}`;
    const body = { id, orderId: order.orderId, lines };
    const answer =
      this.transport === 'http'
        ? await this.http('return', id, 'POST', '/v1/returns', body)
        : await this.nats('return', id, returns.createReturn, { ...body, actor: this.name });
    if (answer.outcome === 'ok')
      this.open.push({ id, lines: lines.map(({ sku, qty }) => ({ sku, qty })), received: false });
  }

  private async receive(open: OpenReturn): Promise<void> {
    const body = { location: this.random.pick(ALL_LOCATIONS), lines: open.lines };
    const answer =
      this.transport === 'http'
        ? await this.http('receive_return', open.id, 'POST', `/v1/returns/${open.id}/receive`, body)
        : await this.nats('receive_return', open.id, returns.receiveReturn, {
            id: open.id,
            ...body,
            actor: this.name,
          });
    if (answer.outcome === 'ok') open.received = true;
    else this.forget(open);
  }

  private async inspect(open: OpenReturn): Promise<void> {
    this.forget(open);
    const grading = () => ({
      lines: open.lines.map((line) => ({ ...line, grade: this.random.pick(GRADES) })),
    });
    const send = (body: ReturnType<typeof grading>) =>
      this.transport === 'http'
        ? this.http('inspect', open.id, 'POST', `/v1/returns/${open.id}/inspect`, body)
        : this.nats('inspect', open.id, returns.inspectReturn, {
            id: open.id,
            ...body,
            actor: this.name,
          });
    // Two desks at once, grading differently: one unit must still be disposed of once.
    if (this.random.chance(0.2)) await Promise.all([send(grading()), send(grading())]);
    else await send(grading());
  }

  private forget(open: OpenReturn): void {
    this.open.splice(this.open.indexOf(open), 1);
  }
}
