import { Profile } from '../../platform/model/profile';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum AccountSource {
  /** The national directory feed (ONDE → AAF1D), the normal way accounts arrive. */
  AAF1D = 'AAF1D',
  /** A CSV export from ONDE imported by a director. */
  ONDE_CSV = 'ONDE_CSV',
  /** « Créer un utilisateur »: created by hand, possibly billed. */
  MANUAL = 'MANUAL',
}

/**
 * An ENT account. `activationCodeSecret` present means "not activated yet"; it is encrypted at rest
 * (see platform/crypto). `searchFirst`/`searchLast` are the names lower-cased without accents, so a
 * B-tree prefix search in the C collation answers "few letters of a name" without scanning.
 */
@Entity('app_user')
@Index('app_user_source_external_key', ['source', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
@Index('app_user_search_last_idx', { synchronize: false })
@Index('app_user_search_first_idx', { synchronize: false })
@Index('app_user_profile_name_idx', { synchronize: false })
@Index('app_user_created_idx', ['createdAt', 'id'])
@Index('app_user_delete_after_idx', ['deleteAfter'], { where: 'delete_after IS NOT NULL' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: Profile, enumName: 'user_profile' })
  profile!: Profile;

  @Column('text')
  firstName!: string;

  @Column('text')
  lastName!: string;

  @Column('text')
  searchFirst!: string;

  @Column('text')
  searchLast!: string;

  @Index('app_user_login_key', { unique: true })
  @Column('text')
  login!: string;

  @Index('app_user_alias_key', { unique: true })
  @Column('text', { nullable: true })
  alias!: string | null;

  @Column('text', { nullable: true, select: false })
  passwordHash!: string | null;

  @Column('text', { nullable: true, select: false })
  activationCodeSecret!: string | null;

  @Column('timestamptz', { nullable: true })
  activatedAt!: Date | null;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  mobile!: string | null;

  @Column('text', { nullable: true })
  externalId!: string | null;

  @Column({ type: 'enum', enum: AccountSource, enumName: 'account_source' })
  source!: AccountSource;

  @Column('date', { nullable: true })
  birthDate!: string | null;

  @Column('text', { nullable: true })
  photoPath!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  lastLoginAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  blockedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  blockedUntil!: Date | null;

  @Column('text', { nullable: true })
  blockedReason!: string | null;

  @Column('timestamptz', { nullable: true })
  predeletedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  deleteAfter!: Date | null;

  /** When the directory feed stopped listing this account (only then may a feed account be pre-deleted). */
  @Column('timestamptz', { nullable: true })
  leftFeedAt!: Date | null;
}
