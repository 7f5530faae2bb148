import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../directory';

export enum RenewalPurpose {
  /** « Générer un code de renouvellement » by an admin or the pupil's teacher. */
  ADMIN = 'ADMIN',
  /** « Mot de passe oublié »: sent by e-mail as a link. */
  FORGOTTEN = 'FORGOTTEN',
}

/**
 * A single-use password renewal code. Only its argon2id hash is kept: the code is shown once to the
 * admin who generated it (or mailed once). Generating a new one revokes the older ones of the user.
 */
@Entity('renewal_code')
@Index('renewal_code_user_idx', ['userId', 'createdAt'])
// Unused and unrevoked codes (migration SupervisionChanges): the dashboard's expired codes.
@Index('renewal_code_unused_idx', { synchronize: false })
export class RenewalCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('text')
  codeHash!: string;

  @Column({ type: 'enum', enum: RenewalPurpose, enumName: 'renewal_purpose' })
  purpose!: RenewalPurpose;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;

  /** Revoked by a newer code, a password change or a block. */
  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @Column('uuid', { nullable: true })
  createdById!: string | null;
}
