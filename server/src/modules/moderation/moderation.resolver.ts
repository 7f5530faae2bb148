import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { Access, Allow } from '../../platform/auth/access';
import { SharedPayload } from '../../platform/live/shared-payload';
import { ReportPage, ReportView, ReportSignal } from './moderation.types';
import { ReportStatus } from './report.entity';
import { pageOf } from '../../platform/graphql/list-cost';

const client = (ctx: RequestContext) => ({ address: ctx.clientAddress, userAgent: ctx.userAgent });


@Resolver()
export class ModerationResolver {
  @Allow(Access.ADMIN)
  @SharedPayload()
  @Subscription(() => ReportView, {
    description: 'A notification of your scope was reported (or reported again). Checked against your scope when delivered.',
    subscribe: ({ context }) => (context as RequestContext).services.reportsAddedLive.subscribe((context as RequestContext).actor!.userId),
  })
  reportAdded(@Root() signal: ReportSignal): ReportView {
    return signal.report;
  }

  @Allow(Access.ADMIN)
  @SharedPayload()
  @Subscription(() => ReportView, {
    description: 'A report of your scope was treated (« Conserver » or « Supprimer ») by an admin.',
    subscribe: ({ context }) => (context as RequestContext).services.reportsTreatedLive.subscribe((context as RequestContext).actor!.userId),
  })
  reportTreated(@Root() signal: ReportSignal): ReportView {
    return signal.report;
  }

  @Allow(Access.ADMIN)
  @Query(() => ReportPage, { description: 'Reports of your scope, newest first (all statuses unless one is given).', complexity: pageOf(100) })
  reports(
    @Arg('status', () => ReportStatus, { nullable: true }) status: ReportStatus | null,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportPage> {
    return ctx.services.moderation.page(ctx.actor!, status, first, after);
  }

  @Allow(Access.ADMIN)
  @Mutation(() => ReportView, { description: '« Conserver »: the notification stays.' })
  keepReport(@Arg('reportId', () => ID) reportId: string, @Ctx() ctx: RequestContext): Promise<ReportView> {
    return ctx.services.moderation.treat(ctx.actor!, reportId, 'KEEP', client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => ReportView, { description: "« Supprimer »: removed from every timeline at once (the content itself stays); optionally « Bloquer l'auteur »." })
  deleteReport(
    @Arg('reportId', () => ID) reportId: string,
    @Arg('blockAuthor', { defaultValue: false }) blockAuthor: boolean,
    @Arg('blockUntil', () => Date, { nullable: true }) blockUntil: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportView> {
    return ctx.services.moderation.treat(ctx.actor!, reportId, 'DELETE', client(ctx), blockAuthor ? { until: blockUntil } : undefined);
  }
}
