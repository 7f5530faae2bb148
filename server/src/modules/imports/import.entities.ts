import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { SchoolClassEntity, StructureEntity, UserEntity } from '../directory';
import { ApiClientEntity } from '../integrations';

/**
 * A dry run: what an import of these files into this école would do, computed without writing
 * anything. It belongs to its creator (anyone else gets NOT_FOUND) and « Appliquer » will refer to
 * it by id; one made with an integration token belongs to that API client alone (`api_client_id`),
 * neither to its creator's console nor to another client; `files_hash` (SHA-256 of the files, in kind order) lets a re-import be recognised.
 */
@Entity('import_session')
@Index('import_session_creator_idx', ['creatorId', 'createdAt'])
export class ImportSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  creatorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'creator_id' })
  creator?: UserEntity;

  /** The API client whose token made it; null for a person's. */
  @Column('uuid', { nullable: true })
  apiClientId!: string | null;

  @ManyToOne(() => ApiClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'api_client_id' })
  apiClient?: ApiClientEntity;

  @Index('import_session_school_idx')
  @Column('uuid')
  schoolId!: string;

  @ManyToOne(() => StructureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: StructureEntity;

  @Column('text')
  filesHash!: string;

  @Column('json')
  report!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** DRY_RUN until « Appliquer » commits it (APPLIED): the row lock on it makes a second apply wait, then find it done. */
  @Column('text', { default: 'DRY_RUN' })
  status!: string;

  /** The files as read (`ParsedFile[]`): « Appliquer » reads the école again for them (and, with decisions, plans again from them), never from the files. */
  @Column('json', { nullable: true })
  parsed!: unknown;

  /** SHA-256 of what the dry run read from the directory (`snapshot-fingerprint.ts`), checked again under lock. */
  @Column('text', { nullable: true })
  fingerprint!: string | null;

  /** The dry run's plan (`ImportActions`, `storedPlan`): « Appliquer » without decisions writes it once the fingerprint matches. */
  @Column('json', { nullable: true })
  plan!: unknown;

  @Column('timestamptz', { nullable: true })
  appliedAt!: Date | null;

  /** What the apply did (counts, created account ids for the publipostage). */
  @Column('jsonb', { nullable: true })
  outcome!: unknown;
}

/**
 * ONDE's « Identifiant classe » of a class: the key an import finds it by, so that a class
 * relabelled in ONDE is renamed, not duplicated. Kept beside the directory's class, not in it.
 */
@Entity('import_class')
@Index('import_class_school_onde_key', ['schoolId', 'ondeClassId'], { unique: true })
export class ImportClassEntity {
  @PrimaryColumn('uuid')
  classId!: string;

  @ManyToOne(() => SchoolClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  schoolClass?: SchoolClassEntity;

  @Column('uuid')
  schoolId!: string;

  @ManyToOne(() => StructureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: StructureEntity;

  @Column('text')
  ondeClassId!: string;
}

/**
 * A guardian's postal address as the last import read it, normalised: « même nom et même adresse »
 * only ever proposes a match for the admin to confirm, it never merges by itself.
 */
@Entity('import_address')
export class ImportAddressEntity {
  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('text')
  addressKey!: string;
}

/**
 * « Absent du fichier »: an account a full-école import no longer lists (and no other école holds).
 * The nightly job pre-deletes it after 14 days; coming back in a later import removes the row.
 */
@Entity('import_absence')
export class ImportAbsenceEntity {
  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('uuid')
  schoolId!: string;

  @ManyToOne(() => StructureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: StructureEntity;

  @Index('import_absence_since_idx')
  @Column('timestamptz', { default: () => 'now()' })
  since!: Date;
}
