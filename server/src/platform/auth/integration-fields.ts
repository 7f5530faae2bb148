import { createHmac } from 'node:crypto';
import { Extensions, MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { Profile } from '../model/profile';
import { closedToTokens, IntegrationGrant, missingScope } from './token-scopes';

/**
 * Personal-data tiers for integration tokens, declared once on the schema, next to each field:
 * the decorator sets a field extension (which the schema-walking test reads) and a middleware on
 * that field only (no cost on any other field, nor for signed-in people).
 */
type Decorator = MethodDecorator & PropertyDecorator;

const tiers = new WeakSet<Function>();

/**
 * Whether `middleware` is one of these tiers: it returns `next()` untouched for anyone but a token,
 * which is what lets a @SharedPayload result carry them (platform/live/shared-payload.ts) as long as
 * a token's result is never shared (platform/live/live-subscribe.ts).
 */
export function isIntegrationTier(middleware: unknown): boolean {
  return typeof middleware === 'function' && tiers.has(middleware);
}

function both(extension: Record<string, unknown>, middleware: MiddlewareFn<RequestContext>): Decorator {
  tiers.add(middleware);
  const extensions = Extensions(extension);
  const use = UseMiddleware(middleware);
  return ((target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    extensions(target, key, descriptor as PropertyDescriptor);
    use(target, key, descriptor as PropertyDescriptor);
  }) as Decorator;
}

const refuseTokens: MiddlewareFn<RequestContext> = ({ context, info }, next) => {
  if (context.actor?.integration) throw closedToTokens(`${info.parentType.name}.${info.fieldName}`);
  return next();
};

/**
 * Never readable by any token, whatever its scopes: pupils' birth date, INE, address, e-mail and
 * phone, photos; activation and renewal codes; message bodies; reporters' identities; individual
 * sign-in times and addresses.
 */
export function Sensitive(): Decorator {
  return both({ integration: 'forbidden' }, refuseTokens);
}

export function pseudonymFor(grant: IntegrationGrant, subject: string): string {
  return `anon_${createHmac('sha256', grant.pseudonymKey).update(subject).digest('base64url').slice(0, 22)}`;
}

/**
 * A name or login: without `directory:identity:read` a token reads instead the person's pairwise
 * pseudonymous id (the same for one client wherever the person appears, different for every client).
 * `idOf` names the root's property holding the person's id.
 */
export function Identity(idOf = 'id'): Decorator {
  return both({ integration: 'identity' }, async ({ context, root }, next) => {
    const grant = context.actor?.integration;
    if (!grant || grant.scopes.includes('directory:identity:read')) return next();
    const subject = (root as Record<string, unknown>)[idOf];
    if (typeof subject !== 'string') return null;
    return pseudonymFor(grant, subject);
  });
}

/** Adults' e-mail and mobile: `contacts:read` (granted by the operator only); a pupil's: never. */
export function ContactDetail(): Decorator {
  return both({ integration: 'contact' }, async ({ context, root }, next) => {
    const grant = context.actor?.integration;
    if (!grant) return next();
    if (!grant.scopes.includes('contacts:read')) throw missingScope('contacts:read');
    if ((root as { profile?: Profile }).profile === Profile.STUDENT) return null;
    return next();
  });
}
