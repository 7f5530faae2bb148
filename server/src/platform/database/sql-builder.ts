/**
 * Collects positional parameters while a query is assembled from optional parts, so filters stay
 * parameterised ($1, $2…) however many of them apply.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, with an optional cast (`$3::uuid[]`). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}

/** Escapes LIKE wildcards in user input. */
export function likePrefix(value: string): string {
  return `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
