import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../directory';
import { NotificationEntity } from '../timeline';

export enum ReportStatus {
  PENDING = 'PENDING',
  KEPT = 'KEPT',
  DELETED = 'DELETED',
}

/** A report of a notification: one per notification, extended by each new reporter. */
@Entity('report')
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('report_notification_key', { unique: true })
  @Column('uuid')
  notificationId!: string;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: NotificationEntity;

  @Index('report_status_idx')
  @Column({ type: 'enum', enum: ReportStatus, enumName: 'report_status', default: ReportStatus.PENDING })
  status!: ReportStatus;

  /** The écoles of the notification's audience, to scope the report in SQL. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  structureIds!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  treatedAt!: Date | null;

  @Column('uuid', { nullable: true })
  treatedById!: string | null;
}

@Entity('report_reporter')
export class ReportReporterEntity {
  @PrimaryColumn('uuid')
  reportId!: string;

  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => ReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: ReportEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  reportedAt!: Date;
}
