import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StructureEntity, UserEntity } from '../directory';

/**
 * An API client: software acting within a structure subtree with the scopes its creator (a
 * département admin or the operator) granted. Its token is kept only as a SHA-256 (shown once);
 * `pseudonym_key` makes its pairwise pseudonymous ids. A trigger tells every instance when it is
 * revoked or changed (actor.changed for its creator: migration ApiClients).
 */
@Entity('api_client')
@Index('api_client_creator_idx', ['createdById', 'createdAt'])
export class ApiClientEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  purpose!: string;

  @Column('uuid')
  rootStructureId!: string;

  @ManyToOne(() => StructureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'root_structure_id' })
  rootStructure?: StructureEntity;

  @Column('text', { array: true })
  scopes!: string[];

  @Column('uuid')
  createdById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @Index('api_client_token_hash_key', { unique: true })
  @Column('text')
  tokenHash!: string;

  /**
   * The token replaced by the last rotation, honoured until `previousTokenValidUntil` (at most 24
   * hours, never past the old expiry) so the integrator can deploy the new one first.
   */
  @Index('api_client_previous_token_hash_key', { unique: true, where: 'previous_token_hash IS NOT NULL' })
  @Column('text', { nullable: true })
  previousTokenHash!: string | null;

  @Column('timestamptz', { nullable: true })
  previousTokenValidUntil!: Date | null;

  @Column('text')
  pseudonymKey!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  /** Its cost bucket (platform/graphql/client-bucket.ts); the operator may raise it. */
  @Column('integer', { default: 1000 })
  bucketSize!: number;

  @Column('double precision', { default: 2 })
  bucketRefillPerSecond!: number;

  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;

  /** The last expiry warning sent (14, then 3 days before); reset when the expiry moves. */
  @Column('smallint', { nullable: true })
  expiryWarnedDays!: number | null;
}
