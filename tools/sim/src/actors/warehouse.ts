import { ledger } from '@omnistock/contracts';
import { ALL_LOCATIONS, SKUS } from '../estate.js';
import { Actor } from './actor.js';

interface PositionSeen {
  onHand: number;
  quarantine: number;
}

/** Units per SKU and location received before the load starts, so carts find stock at once. */
export const OPENING_STOCK = 25;

/**
 * A warehouse or store system (WMS, handheld): receives goods, counts shelves, corrects,
 * writes off and quarantines, and sends stock between locations, receiving what arrives.
 * It remembers the balances the ledger's replies showed it, to count near the truth.
 */
export class Warehouse extends Actor {
  private readonly seen = new Map<string, PositionSeen>();
  private readonly inTransit: string[] = [];
  private made = 0;

  /** The opening receipts, journaled like any other. */
  async openingStock(locations: readonly string[]): Promise<void> {
    for (const location of locations) {
      await this.movement('receipt', ledger.receiveStock, '/v1/stock/receipts', {
        id: `open-${location}`,
        location,
        lines: SKUS.map((sku) => ({ sku, qty: OPENING_STOCK })),
      });
    }
  }

  protected async step(): Promise<void> {
    const action = this.random.weighted({
      receipt: 3,
      count: 2,
      send: 2,
      receive: this.inTransit.length > 0 ? 3 : 0,
      adjust: 1,
      writeOff: 1,
      quarantine: 1,
      releaseQuarantine: 1,
    });
    const location = this.random.pick(ALL_LOCATIONS);
    const sku = this.random.pick(SKUS);
    const id = `${this.name}-${++this.made}`;
    switch (action) {
      case 'receipt':
        await this.movement('receipt', ledger.receiveStock, '/v1/stock/receipts', {
          id,
          location,
          lines: this.random
            .sample(SKUS, this.random.int(1, 3))
            .map((s) => ({ sku: s, qty: this.random.int(1, 12) })),
        });
        return;
      case 'count':
        return this.count(id, location);
      case 'send':
        return this.send(id, location, sku);
      case 'receive':
        return this.receive();
      case 'adjust': {
        const delta = this.random.pick([-2, -1, 1, 2, 3]);
        await this.movement('adjustment', ledger.adjustStock, '/v1/stock/adjustments', {
          id,
          location,
          lines: [{ sku, delta, reason: delta < 0 ? 'damaged in handling' : 'found' }],
        });
        return;
      }
      case 'writeOff':
        return this.natsOnly('write_off', ledger.writeOff, {
          id,
          location,
          bucket: 'on_hand',
          lines: [{ sku, qty: this.random.int(1, 2) }],
          reason: 'broken',
        });
      case 'quarantine':
        return this.natsOnly('quarantine_in', ledger.quarantineStock, {
          id,
          location,
          from: 'on_hand',
          lines: [{ sku, qty: 1 }],
          reason: 'packaging damaged',
        });
      case 'releaseQuarantine':
        return this.natsOnly('quarantine_out', ledger.releaseQuarantine, {
          id,
          location,
          lines: [{ sku, qty: 1 }],
          reason: 'repackaged',
        });
    }
  }

  /** Counted near what the ledger last showed: mostly short by a little, sometimes over. */
  private async count(id: string, location: string): Promise<void> {
    const skus = this.random.sample(SKUS, this.random.int(1, 2));
    const lines = skus.map((sku) => {
      const seen = this.seen.get(`${sku}@${location}`);
      const counted = seen
        ? Math.max(0, seen.onHand + this.random.int(-4, 2))
        : this.random.int(0, OPENING_STOCK);
      return { sku, counted };
    });
    await this.movement('count', ledger.countStock, '/v1/stock/counts', { id, location, lines });
  }

  private async send(id: string, from: string, sku: string): Promise<void> {
    const to = this.random.pick(ALL_LOCATIONS.filter((location) => location !== from));
    const answer = await this.movement('transfer_out', ledger.sendTransfer, '/v1/stock/transfers', {
      id,
      from,
      to,
      lines: [{ sku, qty: this.random.int(1, 4) }],
    });
    // An unknown answer may still have sent it: receiving will tell.
    if (answer !== 'refused') this.inTransit.push(id);
  }

  private async receive(): Promise<void> {
    const index = this.random.int(0, this.inTransit.length - 1);
    const [id] = this.inTransit.splice(index, 1);
    const answer =
      this.transport === 'http'
        ? await this.http('transfer_in', id!, 'POST', `/v1/stock/transfers/${id}/receive`)
        : await this.nats('transfer_in', id!, ledger.receiveTransfer, {
            id: id!,
            actor: this.name,
          });
    if (answer.outcome === 'ok') this.remember(answer.value.positions);
  }

  /** Write-offs and quarantine have no gateway route: a WMS sends them over NATS. */
  private async natsOnly(kind: string, contract: any, payload: any): Promise<void> {
    const answer = await this.nats(kind, payload.id, contract, { ...payload, actor: this.name });
    if (answer.outcome === 'ok') this.remember(answer.value.positions);
  }

  private async movement(
    kind: string,
    contract: any,
    path: string,
    body: { id: string } & Record<string, unknown>,
  ): Promise<'ok' | 'refused' | 'unknown'> {
    const answer =
      this.transport === 'http'
        ? await this.http(kind, body.id, 'POST', path, body)
        : await this.nats(kind, body.id, contract, { ...body, actor: this.name });
    if (answer.outcome === 'ok') this.remember(answer.value.positions);
    return answer.outcome;
  }

  private remember(
    positions: { sku: string; location: string; onHand: number; quarantine: number }[],
  ) {
    for (const position of positions ?? [])
      this.seen.set(`${position.sku}@${position.location}`, {
        onHand: position.onHand,
        quarantine: position.quarantine,
      });
  }
}
