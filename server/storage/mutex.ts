// A minimal async mutex: runs callbacks one after another, in call order.
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => fn());
    // Later callers wait for this one to settle, whether it succeeded or failed.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
