/**
 * Sagas driven at once by one replica: each holds at most one database connection at a
 * time, and drivers past the pool would only queue for connections (and time out there).
 * Waiting here costs nothing; a request whose time is up stops waiting and answers
 * IN_PROGRESS, and the worker drives its saga later.
 */
export class DriveSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(slots: number) {
    this.free = slots;
  }

  /** A release function once a slot is free, or undefined if `deadline_ms` (epoch) came first. */
  async acquire(deadline_ms = Number.POSITIVE_INFINITY): Promise<(() => void) | undefined> {
    if (this.free > 0) {
      this.free--;
      return this.releaser();
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const take = () => {
        clearTimeout(timer);
        resolve(this.releaser());
      };
      this.waiting.push(take);
      if (Number.isFinite(deadline_ms))
        timer = setTimeout(
          () => {
            const index = this.waiting.indexOf(take);
            if (index >= 0) this.waiting.splice(index, 1);
            resolve(undefined);
          },
          Math.max(0, deadline_ms - Date.now()),
        );
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}
