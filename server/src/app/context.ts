import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { Actor } from '../platform/auth/actor';
import { loadActorBySession } from '../platform/auth/actor-loader';
import { bearerTokenOf, hashApiToken } from '../platform/auth/api-token';
import { hashToken, SESSION_COOKIE } from '../platform/auth/session.service';
import { Lang, langFrom } from '../platform/errors/messages';
import type { RequestContext } from '../platform/context/request-context';
import type { Services } from '../platform/context/services';

export function sessionTokenFrom(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  return parseCookies(header)[SESSION_COOKIE] || undefined;
}

/**
 * Resolves the caller once: session cookie → session row → actor with scope, in one query, or from
 * the actor cache (kept exact by the `actor.changed` notifications).
 */
export async function resolveActor(services: Services, token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  return services.actorCache.get(tokenHash, async () => {
    const loaded = await loadActorBySession(services.dataSource, tokenHash, services.config.sessionTtlHours);
    return loaded && { actor: { ...loaded.actor, sessionId: tokenHash }, expiresAt: loaded.expiresAt };
  });
}

/**
 * The actor of an integration token (`Authorization: Bearer preau_…`): its creator's current rights
 * narrowed to the client's subtree and scopes. Cached like a session, under the creator, so that
 * blocking or demoting them, or revoking the client, is forgotten at once on every instance.
 */
export async function resolveTokenActor(services: Services, token: string): Promise<Actor | null> {
  return services.actorCache.get(`api:${hashApiToken(token)}`, () => services.integrations.actorForToken(token));
}

export interface ContextInput {
  req: IncomingMessage;
  clientAddress: string | null;
  transport: 'http' | 'ws';
  setCookie?: (header: string) => void;
  /** For WebSocket: the language the client asked for in connectionParams. */
  lang?: string;
  /** For WebSocket: the `authorization` of connectionParams (`Bearer preau_…`), else the upgrade request's header. */
  authorization?: string;
}

/** The integration token a request or socket presents, if any. */
export function bearerOf(req: IncomingMessage, connectionAuthorization?: unknown): string | undefined {
  return bearerTokenOf(typeof connectionAuthorization === 'string' ? connectionAuthorization : req.headers.authorization);
}

export async function buildContext(services: Services, input: ContextInput): Promise<RequestContext> {
  // A bearer token speaks for an integration only, whatever cookie comes with it.
  const bearer = bearerOf(input.req, input.authorization);
  const actor = bearer ? await resolveTokenActor(services, bearer) : await resolveActor(services, sessionTokenFrom(input.req));
  const cookies = services.cookies;
  return {
    actor,
    lang: langFrom(input.lang ?? input.req.headers['accept-language']),
    clientAddress: input.clientAddress,
    userAgent: (input.req.headers['user-agent'] as string | undefined) ?? null,
    services,
    transport: input.transport,
    setSessionCookie: (token) => input.setCookie?.(cookies.session(token)),
    clearSessionCookie: () => input.setCookie?.(cookies.cleared()),
  };
}
