import { DataSource } from 'typeorm';
import { ActivationService } from '../modules/accounts/activation.service';
import { AuthenticationService } from '../modules/accounts/authentication.service';
import { BlockingService } from '../modules/accounts/blocking.service';
import { MeService } from '../modules/accounts/me.service';
import { OperatorAccountsService } from '../modules/accounts/operator-accounts.service';
import { RenewalService } from '../modules/accounts/renewal.service';
import { AuditQueryService } from '../modules/audit/audit-query.service';
import { AuditService } from '../modules/audit/audit.service';
import { CommunicationRulesService } from '../modules/messaging/communication-rules';
import type { InboxSignal } from '../modules/messaging/messaging.resolver';
import { MessagingService } from '../modules/messaging/messaging.service';
import { ModerationService } from '../modules/moderation/moderation.service';
import { ReportService } from '../modules/moderation/report.service';
import type { TimelineSignal } from '../modules/timeline/timeline.resolver';
import type { ReportSignal } from '../modules/moderation/moderation.resolver';
import { TimelineService } from '../modules/timeline/timeline.service';
import { LiveHub } from '../platform/pubsub/live-hub';
import { UserAdminService } from '../modules/users/user-admin.service';
import { UserListService } from '../modules/users/user-list.service';
import { UserRecordService } from '../modules/users/user-record.service';
import { UserSearchService } from '../modules/users/user-search.service';
import { ClassService } from '../modules/directory/class.service';
import { DirectoryService } from '../modules/directory/directory.service';
import { OutboxService } from '../modules/mail/outbox.service';
import { LoginThrottle, ThrottleLimits, defaultLimits } from '../platform/auth/login-throttle';
import { SessionCookies } from '../platform/auth/session-cookie';
import { SessionService } from '../platform/auth/session.service';
import { Config } from '../platform/config/config';
import { SecretBox } from '../platform/crypto/secret-box';
import { Mailer } from '../platform/mail/mailer';
import { EventBus } from '../platform/pubsub/event-bus';
import { ActorCache } from '../platform/auth/actor-cache';
import { forgetOnActorChanges } from '../platform/pubsub/forget-on-actor-changes';
import { LiveAdminRights } from '../modules/moderation/live-admin-rights';
import { SheetPrinter } from '../documents/sheet-printer';
import { AccountExportService } from '../modules/mailings/account-export';
import { MailingJobQueue } from '../modules/mailings/mailing-jobs';
import { MailingProgress } from '../modules/mailings/mailing-progress';
import { defaultRunnerOptions, MailingRunner } from '../modules/mailings/mailing-runner';
import { MailingService } from '../modules/mailings/mailing.service';
import type { MailingView } from '../modules/mailings/mailings.types';
import { SheetSource } from '../modules/mailings/sheet-source';

export interface Infrastructure {
  config: Config;
  dataSource: DataSource;
  events: EventBus;
  throttleLimits?: ThrottleLimits;
}

/** The service graph, built once at start; resolvers reach it through the request context. */
export function createServices({ config, dataSource, events, throttleLimits }: Infrastructure) {
  const secretBox = SecretBox.fromConfig(config.secretKey, config.dataDir);
  const sessions = new SessionService(dataSource, config.sessionTtlHours);
  // The TTL stays well under the session's lifetime: a load is what pushes the sliding expiry.
  const actorCache = new ActorCache({
    ttlMs: Math.min(config.actorCacheSeconds, (config.sessionTtlHours * 3600) / 2) * 1000,
    maxEntries: 20_000,
    invalidationsArrive: () => events.listening,
  });
  forgetOnActorChanges(events, actorCache);
  const liveAdminRights = new LiveAdminRights(dataSource);
  forgetOnActorChanges(events, liveAdminRights);
  const directory = new DirectoryService(dataSource);
  const audit = new AuditService(dataSource);
  const mailer = new Mailer(dataSource, config.smtpUrl, config.mailFrom, config.demoMode);
  const communicationRules = new CommunicationRulesService(dataSource);
  const blocking = new BlockingService(dataSource, audit, events);
  const mailingQueue = new MailingJobQueue(dataSource);
  const mailingProgress = new MailingProgress(events);
  const printer = new SheetPrinter({ chromiumPath: config.chromiumPath, publicUrl: config.publicUrl });
  const authentication = new AuthenticationService(dataSource, sessions, secretBox, new LoginThrottle(dataSource, throttleLimits ?? defaultLimits));
  return {
    config,
    dataSource,
    events,
    secretBox,
    sessions,
    actorCache,
    mailer,
    cookies: new SessionCookies(config.secureCookies),
    directory,
    classes: new ClassService(dataSource),
    me: new MeService(dataSource, directory),
    audit,
    authentication,
    activation: new ActivationService(dataSource, authentication, audit, config),
    renewal: new RenewalService(dataSource, authentication, audit, mailer, { ttlHours: config.renewalCodeTtlHours, publicUrl: config.publicUrl }),
    blocking,
    outbox: new OutboxService(dataSource),
    auditQuery: new AuditQueryService(dataSource),
    userSearch: new UserSearchService(dataSource),
    userList: new UserListService(dataSource),
    userRecords: new UserRecordService(dataSource, secretBox),
    userAdmin: new UserAdminService(dataSource, audit, events, secretBox, { predeleteGraceDays: config.predeleteGraceDays }),
    communicationRules,
    timeline: new TimelineService(dataSource, events),
    reports: new ReportService(dataSource, events),
    moderation: new ModerationService(dataSource, audit, events, blocking),
    messaging: new MessagingService(dataSource, communicationRules, events),
    timelineLive: new LiveHub<TimelineSignal>(),
    inboxLive: new LiveHub<InboxSignal>(),
    reportsAddedLive: new LiveHub<ReportSignal>(),
    liveAdminRights,
    reportsTreatedLive: new LiveHub<ReportSignal>(),
    operatorAccounts: new OperatorAccountsService(dataSource, audit),
    mailings: new MailingService(dataSource, audit, mailingQueue),
    mailingQueue,
    mailingProgress,
    printer,
    mailingRunner: new MailingRunner(dataSource, new SheetSource(dataSource, secretBox), printer, mailer, mailingProgress, {
      ...defaultRunnerOptions(config.publicUrl),
      ...config.mailing,
    }),
    mailingLive: new LiveHub<MailingView>(),
    accountExport: new AccountExportService(dataSource, secretBox, audit),
  };
}

export type Services = ReturnType<typeof createServices>;
