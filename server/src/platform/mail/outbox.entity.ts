import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Without SMTP_URL (the demo), outgoing mail lands here instead of the network, and the operator
 * can read it in the console (« Courriels envoyés »). Never used when SMTP_URL is set.
 */
@Entity('mail_outbox')
export class OutboxMailEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('text')
  recipient!: string;

  @Column('text')
  subject!: string;

  @Column('text')
  text!: string;

  @Column('text', { nullable: true })
  html!: string | null;

  @Column('text', { nullable: true })
  messageId!: string | null;
}
