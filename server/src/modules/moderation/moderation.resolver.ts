import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { Access, Allow } from '../../platform/auth/access';
import { SharedPayload } from '../../platform/live/shared-payload';
import type { LiveHub } from '../../platform/live/live-hub';
import { ReportPage, ReportView, ReportSignal } from './moderation.types';
import { ReportStatus } from './report.entity';
import { pageOf } from '../../platform/graphql/list-cost';

const client = (ctx: RequestContext) => ({ address: ctx.clientAddress, userAgent: ctx.userAgent });

/** A person's channel is keyed by their id; an integration token's by its client (its creator may subscribe too). */
function feed(context: unknown, people: (ctx: RequestContext) => LiveHub<ReportSignal>, clients: (ctx: RequestContext) => LiveHub<ReportSignal>): AsyncIterable<ReportSignal> {
  const ctx = context as RequestContext;
  const integration = ctx.actor!.integration;
  return integration ? clients(ctx).subscribe(integration.clientId) : people(ctx).subscribe(ctx.actor!.userId);
}

@Resolver()
export class ModerationResolver {
  @Allow(Access.ADMIN)
  @SharedPayload()
  @Subscription(() => ReportView, {
    description: 'A notification of your scope was reported (or reported again). Checked against your scope when delivered.',
    subscribe: ({ context }) => feed(context, (ctx) => ctx.services.reportsAddedLive, (ctx) => ctx.services.reportsAddedToClients),
  })
  reportAdded(@Root() signal: ReportSignal): ReportView {
    return signal.report;
  }

  @Allow(Access.ADMIN)
  @SharedPayload()
  @Subscription(() => ReportView, {
    description: 'A report of your scope was treated (« Conserver » or « Supprimer ») by an admin.',
    subscribe: ({ context }) => feed(context, (ctx) => ctx.services.reportsTreatedLive, (ctx) => ctx.services.reportsTreatedToClients),
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
  @Query(() => ReportView, { description: 'One report of your scope (what a report.added or report.treated event names); NOT_FOUND outside it.' })
  report(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ReportView> {
    return ctx.services.moderation.find(ctx.actor!, id);
  }

  @Allow(Access.ADMIN)
  @Mutation(() => ReportView, { description: '« Conserver »: the notification stays.' })
  keepReport(@Arg('reportId', () => ID) reportId: string, @Ctx() ctx: RequestContext): Promise<ReportView> {
    return ctx.services.moderation.treat(ctx.actor!, reportId, 'KEEP', client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => ReportView, {
    description: "« Supprimer »: removed from every timeline at once (the content itself stays); optionally « Bloquer l'auteur » (an integration token also needs accounts:block for that).",
  })
  deleteReport(
    @Arg('reportId', () => ID) reportId: string,
    @Arg('blockAuthor', { defaultValue: false }) blockAuthor: boolean,
    @Arg('blockUntil', () => Date, { nullable: true }) blockUntil: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportView> {
    return ctx.services.moderation.treat(ctx.actor!, reportId, 'DELETE', client(ctx), blockAuthor ? { until: blockUntil } : undefined);
  }
}
