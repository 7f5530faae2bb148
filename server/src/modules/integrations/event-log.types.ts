import { Field, ID, ObjectType } from 'type-graphql';
import { sizedByParent } from '../../platform/graphql/list-cost';
import { encodeCursor } from './event-cursor';

export interface EventRow {
  id: string;
  tx_id: string;
  type: string;
  occurred_at: Date;
  subject_id: string;
  structure_ids: string[];
}

@ObjectType({ description: 'A thin event: what changed and when; read the object itself with your own rights.' })
export class EventView {
  @Field(() => ID, { description: 'Stable: deduplicate on it.' })
  id!: string;

  @Field({ description: 'Pass it as `after` to resume right after this event.' })
  cursor!: string;

  @Field({ description: 'report.added, report.treated (scope reports:read), account.blocked, account.unblocked (scope directory:read).' })
  type!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => ID, { description: 'The report or account concerned.' })
  subjectId!: string;
}

@ObjectType({ description: 'A page of events, oldest first.' })
export class EventPage {
  @Field(() => [EventView], { complexity: sizedByParent })
  nodes!: EventView[];

  @Field(() => String, { nullable: true, description: 'The cursor to poll from next (the one given when nothing new has arrived).' })
  endCursor!: string | null;

  @Field({ description: 'More events are ready now.' })
  hasNextPage!: boolean;
}

export function eventView(row: EventRow): EventView {
  return { id: row.id, cursor: encodeCursor(row), type: row.type, occurredAt: row.occurred_at, subjectId: row.subject_id };
}
