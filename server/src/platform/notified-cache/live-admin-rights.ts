import { DataSource } from 'typeorm';
import { AdminFunction } from '../model/admin-function';
import { FunctionGrant } from '../auth/scope';
import type { ForgetsUsers } from './forget-on-actor-changes';

/** More known users than this (subscribers come and go) and the instance starts afresh. */
const MAX_KNOWN_USERS = 50_000;

/**
 * The admin functions of the users subscribed to the report feeds on this instance, so that a live
 * report is checked against every subscriber's current rights without a query over thousands of
 * them per event (that query was a third of the delivery time in bench/fanout).
 *
 * "Current" is kept by the same `actor.changed` notifications as the actor cache (PostgreSQL
 * triggers on admin_function, on blocking and pre-deletion, on sessions): they travel on the same
 * channel as `report.added`, in commit order, so a right withdrawn before a report was committed is
 * forgotten here before that report is delivered (services.ts wires it with forgetOnActorChanges).
 * Users not known yet are read in one query.
 */
export class LiveAdminRights implements ForgetsUsers {
  /** Functions of each known user; none when the account may not sign in. */
  private readonly grants = new Map<string, readonly FunctionGrant[]>();
  private generation = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** Among `userIds`, those whose functions reach one of `structureIds` (or the operator). */
  async adminsOf(structureIds: readonly string[], userIds: readonly string[]): Promise<string[]> {
    // Read what is known before waiting: an invalidation during the load (of rights changed after
    // this event was committed) must not leave a known subscriber with no rights at all.
    const known = userIds.map((id) => this.grants.get(id));
    const missing = userIds.filter((_, index) => !known[index]);
    const loaded = missing.length > 0 ? await this.load(missing) : undefined;
    const reached = new Set(structureIds);
    const admins = userIds.filter((id, index) =>
      (known[index] ?? loaded?.get(id) ?? []).some((grant) => grant.function === AdminFunction.OPERATOR || (grant.structureId !== null && reached.has(grant.structureId))),
    );
    // Users gone from this instance are not tracked one by one: past a bound, start afresh.
    if (this.grants.size > MAX_KNOWN_USERS) this.forgetAll();
    return admins;
  }

  private async load(userIds: string[]): Promise<Map<string, FunctionGrant[]>> {
    const generation = this.generation;
    const rows: { id: string; functions: FunctionGrant[] | null }[] = await this.dataSource.query(
      `SELECT u.id, (SELECT json_agg(json_build_object('function', f.function, 'structureId', f.structure_id)) FROM admin_function f WHERE f.user_id = u.id) AS functions
         FROM app_user u
        WHERE u.id = ANY($1::uuid[]) AND u.predeleted_at IS NULL
          AND (u.blocked_at IS NULL OR (u.blocked_until IS NOT NULL AND u.blocked_until <= now()))`,
      [userIds],
    );
    const found = new Map<string, FunctionGrant[]>(userIds.map((id) => [id, []]));
    for (const row of rows) found.set(row.id, row.functions ?? []);
    // Read before an invalidation that arrived meanwhile: good for this delivery, not to keep. Only
    // accounts that may sign in are kept: a block ending by its date sends no notification.
    if (generation === this.generation) for (const row of rows) this.grants.set(row.id, found.get(row.id)!);
    return found;
  }

  forgetUsers(userIds: readonly string[]): void {
    this.generation++;
    for (const id of userIds) this.grants.delete(id);
  }

  forgetAll(): void {
    this.generation++;
    this.grants.clear();
  }
}
