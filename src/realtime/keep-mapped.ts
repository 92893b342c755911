/** `inner`'s items mapped, the ones mapped to null left out; return() ends `inner` at once. */
export function keepMapped<T, U>(
  inner: AsyncIterableIterator<T>,
  map: (item: T) => Promise<U | null>,
): AsyncIterableIterator<U> {
  const it: AsyncIterableIterator<U> = {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const r = await inner.next();
        if (r.done) return { done: true, value: undefined };
        const mapped = await map(r.value);
        if (mapped !== null) return { done: false, value: mapped };
      }
    },
    async return(): Promise<IteratorResult<U>> {
      await inner.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown): Promise<IteratorResult<U>> {
      await inner.return?.();
      throw error;
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}
