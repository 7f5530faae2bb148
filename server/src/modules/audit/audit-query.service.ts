import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { isUuid } from '../../platform/database/uuid';
import { SqlParams } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import { AuditConnection, AuditFilter } from './audit.types';

/**
 * Reading the audit log: an admin sees the entries about accounts of their scope (by the écoles the
 * account had at the time and their ancestors, GIN-indexed) and their own actions; the operator
 * sees everything.
 * Newest first, keyset-paged on the id.
 */
export class AuditQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async page(actor: Actor, filter: AuditFilter, first: number, after: string | null | undefined): Promise<AuditConnection> {
    const params = new SqlParams();
    const clauses: string[] = [];
    if (!actor.scope.all) {
      // structure_ids holds the target's écoles and all their ancestors: overlap with the roots.
      clauses.push(`(a.structure_ids && ${params.add(actor.scope.rootIds, 'uuid[]')} OR a.actor_id = ${params.add(actor.userId, 'uuid')})`);
    }
    if (filter.targetUserId) {
      if (!isUuid(filter.targetUserId)) throw AppError.notFound();
      clauses.push(`a.target_user_id = ${params.add(filter.targetUserId, 'uuid')}`);
    }
    if (filter.actorId) {
      if (!isUuid(filter.actorId)) throw AppError.notFound();
      clauses.push(`a.actor_id = ${params.add(filter.actorId, 'uuid')}`);
    }
    if (filter.actions?.length) clauses.push(`a.action = ANY(${params.add(filter.actions, 'text[]')})`);
    if (filter.since) clauses.push(`a.at >= ${params.add(filter.since, 'timestamptz')}`);
    if (filter.until) clauses.push(`a.at < ${params.add(filter.until, 'timestamptz')}`);
    if (after) {
      if (!/^\d+$/.test(after)) throw AppError.badInput({ fr: 'Curseur invalide.', en: 'Invalid cursor.' });
      clauses.push(`a.id < ${params.add(after, 'bigint')}`);
    }
    const size = Math.min(Math.max(first, 1), 200);
    const rows: {
      id: string;
      at: Date;
      actor_id: string | null;
      actor_label: string | null;
      action: string;
      target_user_id: string | null;
      target_label: string | null;
      client_address: string | null;
      details: Record<string, unknown>;
    }[] = await this.dataSource.query(
      `SELECT a.id::text, a.at, a.actor_id, a.actor_label, a.action, a.target_user_id, a.target_label, a.client_address, a.details
         FROM audit_log a ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY a.id DESC LIMIT ${params.add(size + 1, 'int')}`,
      params.values,
    );
    const edges = rows.slice(0, size).map((row) => ({
      cursor: row.id,
      node: {
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        action: row.action,
        targetUserId: row.target_user_id,
        targetLabel: row.target_label,
        clientAddress: row.client_address,
        details: row.details,
      },
    }));
    return { edges, hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null };
  }
}
