// A service that freezes once: every request that arrives during the stall is held until
// it ends. The coordinated-omission lab injects it into a real server or an msw handler.
import { type Clock, systemClock } from './clock.ts';

export class Stall {
  private startsAt = Number.POSITIVE_INFINITY;
  private endsAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly clock: Clock = systemClock) {}

  /** The service will freeze `inMs` from now, for `forMs`. */
  schedule(inMs: number, forMs: number): void {
    this.startsAt = this.clock.now() + inMs;
    this.endsAt = this.startsAt + forMs;
  }

  /** Call first thing in a request handler. */
  async hold(): Promise<void> {
    const now = this.clock.now();
    if (now >= this.startsAt && now < this.endsAt) await this.clock.sleep(this.endsAt - now);
  }
}
