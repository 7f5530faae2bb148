import { logger } from '../platform/logging/logger';
import { EventBus } from '../platform/pubsub/event-bus';
import type { Services } from './services';

/**
 * From the cross-instance EventBus to this instance's subscribers: each event carries ids only; the
 * recipients are looked up once per event, among the users subscribed here, in one query.
 */
export function wireLiveEvents(events: EventBus, services: Services): void {
  events.on('timeline.changed', (event) => {
    const local = services.timelineLive.localUserIds();
    if (local.length === 0) return;
    services.timeline
      .recipientsAmong(event.notificationId, local)
      .then((userIds) => services.timelineLive.publishTo(userIds, { notificationId: event.notificationId, change: event.change }))
      .catch((error: Error) => logger.error('timeline delivery failed', { error: error.message }));
  });
  for (const [type, hub] of [['report.added', services.reportsAddedLive], ['report.treated', services.reportsTreatedLive]] as const) {
    events.on(type, (event) => {
      const local = hub.localUserIds();
      if (local.length === 0) return;
      // The report is loaded once per event; each subscriber's current rights decide (an admin whose
      // function was removed after subscribing gets nothing: see LiveAdminRights).
      services.moderation
        .findForDelivery(event.reportId)
        .then(async (found) => {
          if (!found) return;
          const userIds = await services.liveAdminRights.adminsOf(found.structureIds, local);
          hub.publishTo(userIds, { reportId: event.reportId, report: found.report });
        })
        .catch((error: Error) => logger.error('report delivery failed', { error: error.message }));
    });
  }
  events.on('mailing.progress', (event) => {
    const local = new Set(services.mailingLive.localUserIds());
    if (local.size === 0) return;
    // A mailing is its author's alone: the only possible recipient.
    services.mailings
      .forDelivery(event.mailingId)
      .then((found) => {
        if (found && local.has(found.authorId)) services.mailingLive.publishTo([found.authorId], found.mailing);
      })
      .catch((error: Error) => logger.error('mailing progress delivery failed', { error: error.message }));
  });
  events.on('inbox.changed', (event) => {
    const local = services.inboxLive.localUserIds();
    if (local.length === 0) return;
    services.messaging
      .recipientsAmong(event.messageId, local)
      .then((userIds) => services.inboxLive.publishTo(userIds, { messageId: event.messageId }))
      .catch((error: Error) => logger.error('inbox delivery failed', { error: error.message }));
  });
}
