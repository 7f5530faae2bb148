import type { RequestContext } from '../../platform/context/request-context';

/** Where a console call came from, for the audit line. */
export const clientOf = (ctx: RequestContext) => ({ address: ctx.clientAddress, userAgent: ctx.userAgent });
