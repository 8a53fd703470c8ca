// Wrong: the YIELD_EVERY budget is kept in each channel (the channel of
// channel.never-yields.ts, plus a counter of its own). One busy channel steps aside in time;
// two busy channels together run twice YIELD_EVERY operations between two macrotask turns,
// a hundred a hundred times as many. Starvation is a property of the whole event loop.
// Rejected by: yield.test.ts
import {
  type Received,
  type WaitOptions,
  YIELD_EVERY,
} from '../../../solutions/07-channels/channel.ts';
import { Channel as NeverYields } from './channel.never-yields.ts';

export * from './channel.never-yields.ts';

export class Channel<T> extends NeverYields<T> {
  private budget = YIELD_EVERY;
  private turn: Promise<void> | undefined;

  override send(value: T, options?: WaitOptions): Promise<void> {
    if (this.mustYield()) return this.turn!.then(() => this.send(value, options));
    return super.send(value, options);
  }

  override recv(options?: WaitOptions): Promise<Received<T>> {
    if (this.mustYield()) return this.turn!.then(() => this.recv(options));
    return super.recv(options);
  }

  private mustYield(): boolean {
    if (this.turn) return true;
    if (this.budget-- > 0) return false;
    this.turn = new Promise((resolve) =>
      setImmediate(() => {
        this.budget = YIELD_EVERY;
        this.turn = undefined;
        resolve();
      }),
    );
    return true;
  }
}
