// The floor for an async lock: each locker chains onto the previous one's promise. FIFO
// and correct, with nothing else: no tryLock, no abort, no isLocked, no misuse checks.
export class PromiseQueueLock {
  private tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const granted = this.tail.then(() => release);
    this.tail = released;
    return granted;
  }
}
