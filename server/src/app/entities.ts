import { SessionEntity } from '../platform/auth/session.entity';
import { OutboxMailEntity } from '../platform/mail/outbox.entity';
import { modules } from './modules';

/** Every TypeORM entity of Préau; the migrations must describe exactly these (see schema-drift test). */
export const entities = [SessionEntity, OutboxMailEntity, ...modules.flatMap((module) => module.entities)];
