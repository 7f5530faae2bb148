import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a copy of
 * the database does not let anyone sign in. Stored in PostgreSQL so every server instance accepts it.
 */
@Entity('user_session')
export class SessionEntity {
  @PrimaryColumn('text')
  tokenHash!: string;

  @Index('user_session_user_idx')
  @Column('uuid')
  userId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Index('user_session_expires_idx')
  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz')
  lastSeenAt!: Date;

  @Column('text', { nullable: true })
  clientAddress!: string | null;

  @Column('text', { nullable: true })
  userAgent!: string | null;
}
