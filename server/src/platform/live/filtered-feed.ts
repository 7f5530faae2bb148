/**
 * A user's live channel carries all their objects of one kind (mailings, imports): the events of
 * the one a subscription asked for, its end and errors passed through.
 */
export function filteredFeed<T>(source: AsyncIterable<T>, keep: (value: T) => boolean): AsyncIterable<T> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        for (;;) {
          const step = await iterator.next();
          if (step.done || keep(step.value)) return step;
        }
      },
      return: async () => (await iterator.return?.()) ?? { done: true, value: undefined },
      throw: async (error?: unknown) => (await iterator.throw?.(error)) ?? { done: true, value: undefined },
    }),
  };
}
