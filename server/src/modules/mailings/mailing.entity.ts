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
 * far the background work got. `heartbeatAt` is the lease of the worker running it: a mailing whose
 * heartbeat is older than the lease is taken over by another worker (after a crash or a restart).
 */
@Entity('mailing')
@Index('mailing_unfinished_idx', ['status', 'heartbeatAt'], { where: `status IN ('PENDING', 'RUNNING')` })
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

  @Column('timestamptz', { nullable: true })
  heartbeatAt!: Date | null;

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
@Index('mailing_recipient_pending_idx', ['mailingId', 'nextAttemptAt'], { where: `status = 'PENDING'` })
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
  nextAttemptAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  claimedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  /** Why it failed (the SMTP answer), in the words of the server that refused it. */
  @Column('text', { nullable: true })
  error!: string | null;
}

/**
 * The PDF of a mailing, kept in PostgreSQL so that any instance can serve it. It holds activation
 * codes: it is deleted after a day (see the purge job).
 */
@Entity('mailing_document')
export class MailingDocumentEntity {
  @PrimaryColumn('uuid')
  mailingId!: string;

  @ManyToOne(() => MailingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailing_id' })
  mailing?: MailingEntity;

  @Column('bytea')
  content!: Buffer;

  @Column('int')
  byteSize!: number;

  @Index('mailing_document_created_idx')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
