/** A change pushed by a subscription to a list already on screen. */
export type LiveEvent<T> = { readonly kind: 'upsert'; readonly item: T } | { readonly kind: 'remove'; readonly id: string };

export interface LiveListRules<T extends { readonly id: string }> {
  /** The list's order (negative: `a` is shown before `b`), the same as the server's. */
  readonly order: (a: T, b: T) => number;
  /** Whether the item belongs in this list (e.g. the filter chosen); an item that stops belonging
   * leaves it. All items belong when absent. */
  readonly belongs?: (item: T) => boolean;
  /** True when the list holds every row up to the end (no « Voir plus » left): a new item is then
   * placed wherever it sorts. Otherwise an item sorting after the last row loaded is left for the
   * next page to bring, so it is neither shown twice nor out of place. */
  readonly complete: boolean;
}

/**
 * Applies one live event to a loaded list and returns the new list (the same array when nothing
 * changes, so a signal holding it does not notify). Events may come twice or out of order: an item
 * is matched by id, never added twice, and lands where `order` puts it, not where it arrived.
 */
export function applyLiveEvent<T extends { readonly id: string }>(
  list: readonly T[],
  event: LiveEvent<T>,
  rules: LiveListRules<T>,
): readonly T[] {
  const id = event.kind === 'remove' ? event.id : event.item.id;
  const index = list.findIndex((item) => item.id === id);
  if (event.kind === 'remove' || !(rules.belongs?.(event.item) ?? true)) {
    return index === -1 ? list : list.filter((_, i) => i !== index);
  }
  const item = event.item;
  const others = index === -1 ? list : list.filter((_, i) => i !== index);
  const last = others[others.length - 1];
  if (index === -1 && !rules.complete && (last === undefined || rules.order(item, last) > 0)) {
    return list;
  }
  const at = others.findIndex((other) => rules.order(item, other) < 0);
  const position = at === -1 ? others.length : at;
  if (index === position && list[index] === item) return list;
  return [...others.slice(0, position), item, ...others.slice(position)];
}

/** Newest first by an ISO date, then by id, the order of every timeline of the API. */
export function newestFirst<T extends { readonly id: string }>(date: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => date(b).localeCompare(date(a)) || b.id.localeCompare(a.id);
}
