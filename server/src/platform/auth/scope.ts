import { AdminFunction } from '../model/admin-function';
import { SqlParams } from '../database/sql-builder';

/** Up to this many structures (a circonscription and its écoles), lists start from memberships. */
export const SMALL_SCOPE_STRUCTURES = 60;

/**
 * What an actor administers, resolved once per request: the roots of their functions (an école, a
 * circonscription, a département) — or everything for the operator. SQL expands the roots through
 * `structure_ancestor`, so a département admin's scope costs the same as a director's: one or two
 * ids, never the thousands of écoles under them.
 */
export class Scope {
  constructor(
    readonly all: boolean,
    /** Structures the actor's functions are bound to. */
    readonly rootIds: readonly string[],
    /** How many structures the roots cover (for choosing a query plan). */
    readonly size: number,
    /**
     * Every structure in scope, listed only for a small scope: an explicit short list gives the
     * planner exact estimates. Large scopes go through the closure table instead.
     */
    readonly smallStructureIds: readonly string[] | null = null,
  ) {}

  static none(): Scope {
    return new Scope(false, [], 0, []);
  }

  get isEmpty(): boolean {
    return !this.all && this.rootIds.length === 0;
  }

  /** Few structures: start lists from their memberships rather than from name indexes. */
  get isSmall(): boolean {
    return !this.all && this.size <= SMALL_SCOPE_STRUCTURES;
  }

  /** `SELECT structure_id …` of every structure in scope (not for the operator: check `all`). */
  structuresSql(params: SqlParams): string {
    if (this.smallStructureIds) return `SELECT unnest(${params.add(this.smallStructureIds, 'uuid[]')})`;
    return `SELECT sa.structure_id FROM structure_ancestor sa WHERE sa.ancestor_id = ANY(${params.add(this.rootIds, 'uuid[]')})`;
  }

  /**
   * A condition "column holds a structure of the scope". For a large scope, one probe of the
   * closure's (structure_id, ancestor_id) index per row: as `IN (subtree)` PostgreSQL would first
   * hash the whole subtree (every structure of a département), and next to an OR it scanned every
   * class to use that hash, several times slower for a page of users (docs/performance.md).
   */
  contains(column: string, params: SqlParams): string {
    if (this.all) return 'TRUE';
    if (this.rootIds.length === 0) return 'FALSE';
    if (this.smallStructureIds) return `${column} = ANY(${params.add(this.smallStructureIds, 'uuid[]')})`;
    return `EXISTS (SELECT 1 FROM structure_ancestor sa_scope WHERE sa_scope.structure_id = ${column} AND sa_scope.ancestor_id = ANY(${params.add(this.rootIds, 'uuid[]')}))`;
  }
}

export interface FunctionGrant {
  function: AdminFunction;
  structureId: string | null;
}
