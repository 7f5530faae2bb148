import { logger } from '../../platform/logging/logger';
import type { DomainModule } from '../../platform/module/domain-module';
import { LiveHub } from '../../platform/live/live-hub';
import { CommunicationRulesService } from './communication-rules';
import { MessageEntity, MessageRecipientEntity } from './message.entity';
import { MessagingResolver } from './messaging.resolver';
import { MessagingService } from './messaging.service';
import type { InboxSignal } from './messaging.types';

/** Messaging under the communication rules, with a live unread count. */
export const messagingModule: DomainModule = {
  name: 'messaging',
  entities: [MessageEntity, MessageRecipientEntity],
  resolvers: [MessagingResolver],
  createServices: (_services, { dataSource, events }): MessagingServices => {
    const communicationRules = new CommunicationRulesService(dataSource);
    return {
      communicationRules,
      messaging: new MessagingService(dataSource, communicationRules, events),
      inboxLive: new LiveHub<InboxSignal>(),
    };
  },
  live: (services) =>
    services.events.on('inbox.changed', (event) => {
      const local = services.inboxLive.localUserIds();
      if (local.length === 0) return;
      services.messaging
        .recipientsAmong(event.messageId, local)
        .then((userIds) => services.inboxLive.publishTo(userIds, { messageId: event.messageId }))
        .catch((error: Error) => logger.error('inbox delivery failed', { error: error.message }));
    }),
};

export interface MessagingServices {
  communicationRules: CommunicationRulesService;
  messaging: MessagingService;
  inboxLive: LiveHub<InboxSignal>;
}

declare module '../../platform/context/services' {
  interface Services extends MessagingServices {}
}
