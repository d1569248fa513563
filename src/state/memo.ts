// Memoised selectors keep their last inputs and result in the store they were called for, never in
// a module variable shared by every store: two stores (tests, the scenario compared with, a future
// worker's copy) never evict or feed each other's incremental updates. Each store's state carries
// one `memo`, made with the store and never replaced.

/** A store's memo slots; `memo` is only ever read and written through `memoSlot`. */
export class Memo {
  readonly slots = new Map<symbol, unknown>();
}

export interface WithMemo {
  readonly memo: Memo;
}

/** One memoised value per store: `get` is null until the first `set` for that store. */
export function memoSlot<T>(name: string) {
  const key = Symbol(name);
  return {
    get: (host: WithMemo): T | null => (host.memo.slots.get(key) as T | undefined) ?? null,
    set: (host: WithMemo, value: T): T => {
      host.memo.slots.set(key, value);
      return value;
    },
  };
}
