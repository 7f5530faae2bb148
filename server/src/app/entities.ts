import { RenewalCodeEntity } from '../modules/accounts/renewal-code.entity';
import { AuditEntryEntity } from '../modules/audit/audit.entity';
import { AccountNameEntity } from '../modules/directory/account-name.entity';
import { AdminFunctionEntity } from '../modules/directory/admin-function.entity';
import { ClassMemberEntity, RelativeLinkEntity, UserStructureEntity } from '../modules/directory/memberships.entity';
import { SchoolClassEntity } from '../modules/directory/school-class.entity';
import { StructureAncestorEntity } from '../modules/directory/structure-ancestor.entity';
import { StructureEntity } from '../modules/directory/structure.entity';
import { UserEntity } from '../modules/directory/user.entity';
import { MailingDocumentChunkEntity, MailingDocumentEntity, MailingEntity, MailingRecipientEntity } from '../modules/mailings/mailing.entity';
import { OutboxMailEntity } from '../modules/mail/outbox.entity';
import { MessageEntity, MessageRecipientEntity } from '../modules/messaging/message.entity';
import { ReportEntity, ReportReporterEntity } from '../modules/moderation/report.entity';
import { NotificationEntity, PostEntity, TimelineEntryEntity } from '../modules/timeline/timeline.entity';
import { SessionEntity } from '../platform/auth/session.entity';

/** Every TypeORM entity of Préau; the migrations must describe exactly these (see schema-drift test). */
export const entities = [
  StructureEntity,
  StructureAncestorEntity,
  SchoolClassEntity,
  UserEntity,
  AccountNameEntity,
  UserStructureEntity,
  ClassMemberEntity,
  RelativeLinkEntity,
  AdminFunctionEntity,
  SessionEntity,
  AuditEntryEntity,
  RenewalCodeEntity,
  OutboxMailEntity,
  PostEntity,
  NotificationEntity,
  TimelineEntryEntity,
  ReportEntity,
  ReportReporterEntity,
  MessageEntity,
  MessageRecipientEntity,
  MailingEntity,
  MailingRecipientEntity,
  MailingDocumentEntity,
  MailingDocumentChunkEntity,
];
