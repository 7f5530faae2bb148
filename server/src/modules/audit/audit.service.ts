import { DataSource, EntityManager } from 'typeorm';

export interface AuditRecord {
  actorId: string | null;
  /** How the actor is named in the log (`NOM Prénom (login)`, or `CLI` for the operator console). */
  actorLabel: string | null;
  action: string;
  targetUserId?: string | null;
  targetLabel?: string | null;
  /** The structure the action is about when it names no account (an école's import): found by its admins and those above. */
  structureId?: string | null;
  clientAddress?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Writes the audit log. Call it with the transaction's manager so the log line commits (or not)
 * together with the change it records. The target's écoles (or the structure named) and their
 * ancestors (circonscription, département) are captured in SQL at write time, so each level of
 * admin finds the line by its root.
 */
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_label, action, target_user_id, target_label, structure_ids, client_address, details)
       VALUES ($1, $2, $3, $4, $5,
               COALESCE((SELECT array_agg(DISTINCT sa.ancestor_id) FROM structure_ancestor sa
                          WHERE sa.structure_id IN (SELECT us.structure_id FROM user_structure us WHERE us.user_id = $4 UNION ALL SELECT $8::uuid)), '{}'),
               $6, $7)`,
      [
        entry.actorId,
        entry.actorLabel,
        entry.action,
        entry.targetUserId ?? null,
        entry.targetLabel ?? null,
        entry.clientAddress ?? null,
        JSON.stringify(entry.details ?? {}),
        entry.structureId ?? null,
      ],
    );
  }
}
