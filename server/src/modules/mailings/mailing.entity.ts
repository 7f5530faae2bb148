import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { SheetLayout } from '../../documents/connection-sheet';
import { UserEntity } from '../directory';

export enum MailingKind {
  /** « Générer en PDF » */
  PDF = 'PDF',
  /** « Envoyer par mail » */
  EMAIL = 'EMAIL',
}

export enum MailingStatus {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

export enum RecipientStatus {
  PENDING = 'PENDING',
  /** Claimed by a worker; back to PENDING if that worker dies before saying how it went. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

/**
 * One publipostage: the selection (frozen as recipient rows, in print order, at creation), and how
 * far the background work got. The work itself is pg-boss jobs (mailing-jobs.ts): they own expiry
 * after a crash, retries and backoff; `queuedAt` says the jobs were sent, and a mailing left without
 * it (a crash between the commit and the send) is sent again by the sweep schedule.
 */
@Entity('mailing')
@Index('mailing_unqueued_idx', ['createdAt'], { where: `queued_at IS NULL AND status IN ('PENDING', 'RUNNING')` })
export class MailingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: MailingKind, enumName: 'mailing_kind' })
  kind!: MailingKind;

  @Column({ type: 'enum', enum: SheetLayout, enumName: 'sheet_layout' })
  layout!: SheetLayout;

  @Column({ type: 'enum', enum: MailingStatus, enumName: 'mailing_status', default: MailingStatus.PENDING })
  status!: MailingStatus;

  @Index('mailing_created_by_idx')
  @Column('uuid')
  createdById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @Column('int')
  total!: number;

  /** Sheets printed so far (PDF); the e-mail counts come from the recipient rows. */
  @Column('int', { default: 0 })
  printed!: number;

  @Column('text', { nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When its pg-boss jobs were sent (null: not yet, the sweep will). */
  @Column('timestamptz', { nullable: true })
  queuedAt!: Date | null;

  /**
   * What the author reached the accounts through, frozen for the sheets (printed without the author):
   * structures under these roots (null: all, for the operator) and these classes (a teacher's).
   */
  @Column('uuid', { array: true, nullable: true })
  scopeRootIds!: string[] | null;

  @Column('uuid', { array: true, default: () => "'{}'" })
  scopeClassIds!: string[];

  @Column('timestamptz', { nullable: true })
  finishedAt!: Date | null;
}

/** One account of a mailing, at its place in the chosen order, with its e-mail status. */
@Entity('mailing_recipient')
@Index('mailing_recipient_position_key', ['mailingId', 'position'], { unique: true })
@Index('mailing_recipient_open_idx', ['mailingId', 'position'], { where: `status IN ('PENDING', 'SENDING')` })
export class MailingRecipientEntity {
  @PrimaryColumn('uuid')
  mailingId!: string;

  /** Indexed for the cascade when an account is deleted for good. */
  @Index('mailing_recipient_user_idx')
  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => MailingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailing_id' })
  mailing?: MailingEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('int')
  position!: number;

  /** The address when the mailing was made (the e-mail goes there even if it changes meanwhile). */
  @Column('text', { nullable: true })
  email!: string | null;

  @Column({ type: 'enum', enum: RecipientStatus, enumName: 'mailing_recipient_status', default: RecipientStatus.PENDING })
  status!: RecipientStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  /** Why it failed (the SMTP answer), in the words of the server that refused it. */
  @Column('text', { nullable: true })
  error!: string | null;
}

/**
 * The PDF of a finished mailing, kept in PostgreSQL so that any instance can serve it: written when
 * the last of its chunks is, so its presence means the document is whole. It holds activation codes:
 * it is deleted after a day, with its chunks (mailing-document-store.ts).
 */
@Entity('mailing_document')
export class MailingDocumentEntity {
  @PrimaryColumn('uuid')
  mailingId!: string;

  @ManyToOne(() => MailingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailing_id' })
  mailing?: MailingEntity;

  @Column('bigint')
  byteSize!: string;

  @Column('int')
  chunks!: number;

  @Index('mailing_document_created_idx')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * The PDF's bytes, about 1 MB a row, in order: written as the merge goes and read back one row at a
 * time by the download, so that neither holds the whole document (up to ~150 MB) in memory.
 */
@Entity('mailing_document_chunk')
export class MailingDocumentChunkEntity {
  @PrimaryColumn('uuid')
  mailingId!: string;

  @PrimaryColumn('int')
  seq!: number;

  @ManyToOne(() => MailingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailing_id' })
  mailing?: MailingEntity;

  @Column('bytea')
  data!: Buffer;

  @Index('mailing_document_chunk_created_idx')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
