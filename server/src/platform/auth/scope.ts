import { AdminFunction } from '../../modules/directory/admin-function.entity';

/**
 * What an actor administers, resolved once per request. `structureIds` is the whole subtree under
 * their functions (a circonscription admin holds the circonscription and its écoles), so scope checks
 * are `structure_id = ANY($ids)` in SQL. The operator has `all`.
 */
export class Scope {
  private readonly ids: ReadonlySet<string>;

  constructor(
    readonly all: boolean,
    structureIds: Iterable<string>,
    /** The écoles among structureIds: what most lists are filtered by. */
    readonly schoolIds: readonly string[],
  ) {
    this.ids = new Set(structureIds);
  }

  static none(): Scope {
    return new Scope(false, [], []);
  }

  get structureIds(): string[] {
    return [...this.ids];
  }

  get isEmpty(): boolean {
    return !this.all && this.ids.size === 0;
  }

  includes(structureId: string | null | undefined): boolean {
    return this.all || (!!structureId && this.ids.has(structureId));
  }

  includesAny(structureIds: Iterable<string>): boolean {
    if (this.all) return true;
    for (const id of structureIds) if (this.ids.has(id)) return true;
    return false;
  }
}

export interface FunctionGrant {
  function: AdminFunction;
  structureId: string | null;
}
