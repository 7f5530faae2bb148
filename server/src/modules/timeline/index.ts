import { logger } from '../../platform/logging/logger';
import type { DomainModule } from '../../platform/module/domain-module';
import { LiveHub } from '../../platform/live/live-hub';
import { NotificationEntity, PostEntity, TimelineEntryEntity } from './timeline.entity';
import { TimelineResolver } from './timeline.resolver';
import { TimelineItemResolver } from './timeline-item.resolver';
import { TimelineService } from './timeline.service';
import type { TimelineSignal } from './timeline.types';

/** The fil de nouveautés: posts to a class or an école, notices, « Signaler ». */
export const timelineModule: DomainModule = {
  name: 'timeline',
  entities: [PostEntity, NotificationEntity, TimelineEntryEntity],
  resolvers: [TimelineResolver, TimelineItemResolver],
  createServices: (_services, { dataSource, events }): TimelineServices => ({
    timeline: new TimelineService(dataSource, events),
    timelineLive: new LiveHub<TimelineSignal>(),
  }),
  // Each event carries ids only; its recipients are looked up once, among the users subscribed here.
  live: (services) =>
    services.events.on('timeline.changed', (event) => {
      const local = services.timelineLive.localUserIds();
      if (local.length === 0) return;
      services.timeline
        .recipientsAmong(event.notificationId, local)
        .then((userIds) => services.timelineLive.publishTo(userIds, { notificationId: event.notificationId, change: event.change }))
        .catch((error: Error) => logger.error('timeline delivery failed', { error: error.message }));
    }),
};

export interface TimelineServices {
  timeline: TimelineService;
  timelineLive: LiveHub<TimelineSignal>;
}

declare module '../../platform/context/services' {
  interface Services extends TimelineServices {}
}

export { NotificationEntity } from './timeline.entity';
export { AuthorView } from './timeline.types';
export type { TimelineSignal } from './timeline.types';
export { cleanText, requireText } from './user-text';
