import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the audit log: who did what to whom, when and from where. Rows are never updated.
 * `structureIds` are the écoles of the target at the time and their ancestors, so the log can be
 * scoped in SQL by an admin's roots even after the target moves or is deleted.
 */
@Entity('audit_log')
@Index('audit_log_target_idx', ['targetUserId', 'id'])
@Index('audit_log_structures_idx', { synchronize: false })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column('uuid', { nullable: true })
  actorId!: string | null;

  /** Name of the actor when acting, kept for the record if the account is later deleted. */
  @Column('text', { nullable: true })
  actorLabel!: string | null;

  @Column('text')
  action!: string;

  @Column('uuid', { nullable: true })
  targetUserId!: string | null;

  @Column('text', { nullable: true })
  targetLabel!: string | null;

  @Column('uuid', { array: true, default: () => "'{}'" })
  structureIds!: string[];

  @Column('text', { nullable: true })
  clientAddress!: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  details!: Record<string, unknown>;
}
