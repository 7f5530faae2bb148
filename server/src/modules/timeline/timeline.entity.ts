import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { NoticeKey } from './notice-texts';
import { UserEntity } from '../directory';

export enum AudienceKind {
  CLASS = 'CLASS',
  SCHOOL = 'SCHOOL',
}

/** An actualité: a short text published to a class or a school. */
@Entity('post')
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'enum', enum: AudienceKind, enumName: 'audience_kind' })
  audienceKind!: AudienceKind;

  /** The class or the école. */
  @Column('uuid')
  audienceId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  @Column('text', { nullable: true })
  link!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export enum NotificationKind {
  POST = 'POST',
  SYSTEM = 'SYSTEM',
}

/**
 * What appears in timelines. Deleting it (moderation) removes it from every timeline; the post it
 * points to stays, as the guide says.
 */
@Entity('notification')
// A post's notification carries its title; a notice written by Préau carries a key instead (below).
@Check('notification_text_or_key', `"text" IS NOT NULL OR "text_key" IS NOT NULL`)
// Partial indexes of the report notices, written by hand in the migration ReportNoticesOnRead.
@Index('notification_report_notice_idx', { synchronize: false })
@Index('notification_report_idx', { synchronize: false })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind!: NotificationKind;

  @Index('notification_post_idx')
  @Column('uuid', { nullable: true })
  postId!: string | null;

  @ManyToOne(() => PostEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity | null;

  @Column('uuid', { nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity | null;

  /** The title typed by a person (a post's notification); null for a notice written by Préau. */
  @Column('text', { nullable: true })
  text!: string | null;

  /**
   * A notice written by Préau: its key and parameters, rendered in each reader's language
   * (notice-texts.ts), never a sentence stored in one language.
   */
  @Column('text', { nullable: true })
  textKey!: NoticeKey | null;

  @Column('jsonb', { nullable: true })
  textParams!: Record<string, string> | null;

  /**
   * Set on the admins' « Une notification a été signalée… » notices: they have no timeline rows and
   * are read by every admin whose scope holds the report (TimelineService.page).
   */
  @Column('uuid', { nullable: true })
  reportId!: string | null;

  // By the entity's name: report.entity imports this file.
  @ManyToOne('ReportEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'notification_report_fk' })
  report?: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  removedAt!: Date | null;
}

/** One line of one user's fil de nouveautés. Keyset-paged by (user, created_at, notification). */
@Entity('timeline_entry')
@Index('timeline_entry_page_idx', ['userId', 'createdAt', 'notificationId'])
@Index('timeline_entry_notification_idx', ['notificationId'])
export class TimelineEntryEntity {
  @PrimaryColumn('uuid')
  userId!: string;

  @PrimaryColumn('uuid')
  notificationId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: NotificationEntity;

  @Column('timestamptz')
  createdAt!: Date;
}
