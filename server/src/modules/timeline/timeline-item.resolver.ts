import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { noticeText } from './notice-texts';
import { TimelineItemView } from './timeline.types';

@Resolver(() => TimelineItemView)
export class TimelineItemResolver {
  @FieldResolver(() => String, { description: "The title typed by its author, or a notice written by Préau in the reader's language." })
  title(@Root() item: TimelineItemView, @Ctx() ctx: RequestContext): string {
    return item.titleKey ? noticeText(item.titleKey, item.titleParams, ctx.lang) : (item.title ?? '');
  }
}
