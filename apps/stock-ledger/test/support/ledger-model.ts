/** A deliberately simple in-memory ledger: the property test compares the service against it. */
export interface ModelBuckets {
  onHand: number;
  reserved: number;
  quarantine: number;
  inTransit: number;
}

export interface ModelHold {
  status: 'held' | 'committed' | 'fulfilled' | 'released' | 'expired';
  lines: { sku: string; location: string; qty: number }[];
}

export class LedgerModel {
  readonly positions = new Map<string, ModelBuckets>();
  readonly holds = new Map<string, ModelHold>();
  readonly transfers = new Map<
    string,
    { to: string; sku: string; qty: number; received: boolean }
  >();

  position(sku: string, location: string): ModelBuckets {
    const key = `${sku}@${location}`;
    let position = this.positions.get(key);
    if (!position) {
      position = { onHand: 0, reserved: 0, quarantine: 0, inTransit: 0 };
      this.positions.set(key, position);
    }
    return position;
  }

  receive(sku: string, location: string, qty: number): void {
    this.position(sku, location).onHand += qty;
  }

  /** All or nothing: every summed line must fit in what is not yet held. */
  reserve(id: string, lines: ModelHold['lines']): boolean {
    const summed = new Map<string, number>();
    for (const line of lines)
      summed.set(
        `${line.sku}@${line.location}`,
        (summed.get(`${line.sku}@${line.location}`) ?? 0) + line.qty,
      );
    for (const [key, qty] of summed) {
      const [sku, location] = key.split('@');
      const position = this.position(sku!, location!);
      if (position.onHand - position.reserved < qty) return false;
    }
    for (const [key, qty] of summed) {
      const [sku, location] = key.split('@');
      this.position(sku!, location!).reserved += qty;
    }
    this.holds.set(id, {
      status: 'held',
      lines: [...summed].map(([key, qty]) => ({
        sku: key.split('@')[0]!,
        location: key.split('@')[1]!,
        qty,
      })),
    });
    return true;
  }

  settle(id: string, to: 'released' | 'expired' | 'fulfilled' | 'committed'): boolean {
    const hold = this.holds.get(id);
    if (!hold) return false;
    const allowed: Record<ModelHold['status'], ModelHold['status'][]> = {
      held: ['committed', 'fulfilled', 'released', 'expired'],
      committed: ['fulfilled', 'released'],
      fulfilled: [],
      released: [],
      expired: [],
    };
    if (hold.status === to) return true;
    if (!allowed[hold.status].includes(to)) return false;
    if (to !== 'committed') {
      for (const line of hold.lines) {
        const position = this.position(line.sku, line.location);
        position.reserved -= line.qty;
        if (to === 'fulfilled') position.onHand -= line.qty;
      }
    }
    hold.status = to;
    return true;
  }

  adjust(sku: string, location: string, delta: number): boolean {
    const position = this.position(sku, location);
    if (delta < 0 && position.onHand - position.reserved < -delta) return false;
    position.onHand += delta;
    return true;
  }

  count(sku: string, location: string, counted: number, releasedHoldIds: string[]): void {
    for (const id of releasedHoldIds) this.settle(id, 'released');
    this.position(sku, location).onHand = counted;
  }

  sendTransfer(id: string, sku: string, from: string, to: string, qty: number): boolean {
    const source = this.position(sku, from);
    if (source.onHand - source.reserved < qty) return false;
    source.onHand -= qty;
    this.position(sku, to).inTransit += qty;
    this.transfers.set(id, { to, sku, qty, received: false });
    return true;
  }

  receiveTransfer(id: string): boolean {
    const transfer = this.transfers.get(id);
    if (!transfer || transfer.received) return false;
    const position = this.position(transfer.sku, transfer.to);
    position.inTransit -= transfer.qty;
    position.onHand += transfer.qty;
    transfer.received = true;
    return true;
  }
}
