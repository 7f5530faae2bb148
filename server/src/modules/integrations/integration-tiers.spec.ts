import { GraphQLField, GraphQLObjectType, GraphQLResolveInfo, isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../app/schema';
import type { Actor } from '../../platform/auth/actor';
import { Scope } from '../../platform/auth/scope';
import { OPERATION_SCOPES, TOKEN_SCOPES, TokenScope } from '../../platform/auth/token-scopes';
import { AdminFunction } from '../../platform/model/admin-function';
import { Profile } from '../../platform/model/profile';
import type { RequestContext } from '../../platform/context/request-context';

/** What issue 20 says no token may ever read, as the schema names it today. */
const NEVER_FOR_TOKENS = [
  'User.birthDate', // pupils' birth date
  'User.externalId', // INE
  'User.activationCode',
  'RenewalCode.code',
  'RenewalCode.slipPdf',
  'InboxMessage.body', // message bodies
  'User.lastLoginAt', // individual sign-in times
  'Me.lastLoginAt',
  'AuditEntry.clientAddress', // and addresses
  'MailingRecipient.email',
];
// Pupils' e-mail and phone: `ContactDetail` (null for a pupil, contacts:read for adults). Postal
// addresses and photos have no field in the schema today; reporters' identities are closed with
// every report operation (OPERATION_SCOPES), not by a field tier, because report payloads are shared.

function actor(scopes: readonly TokenScope[] | null): Actor {
  return {
    userId: '00000000-0000-4000-8000-000000000001',
    login: 'cpd',
    firstName: 'Numérique',
    lastName: 'Cpd',
    profile: Profile.PERSONNEL,
    functions: [{ function: AdminFunction.OPERATOR, structureId: null }],
    scope: new Scope(true, [], 0),
    teacherClassIds: [],
    integration: scopes ? { clientId: 'c', clientName: 'Test', scopes, pseudonymKey: 'k', bucket: { size: 1000, refillPerSecond: 2 }, recordWrite: async () => undefined } : undefined,
  };
}

function context(who: Actor): RequestContext {
  return { actor: who, lang: 'fr', clientAddress: null, userAgent: null, transport: 'http', services: {} as RequestContext['services'], setSessionCookie: () => undefined, clearSessionCookie: () => undefined };
}

describe('personal-data tiers for integration tokens, read off the schema', () => {
  let marked: { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[];
  let operations: string[];
  beforeAll(async () => {
    const schema = await createSchema();
    marked = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).filter((field) => field.extensions?.integration === 'forbidden').map((field) => ({ type, field })));
    operations = [schema.getQueryType()!, schema.getMutationType()!, schema.getSubscriptionType()!].flatMap((root) => Object.keys(root.getFields()).map((name) => `${root.name}.${name}`));
  });

  it("marks every field of the issue's never-for-tokens list", () => {
    const names = marked.map(({ type, field }) => `${type.name}.${field.name}`);
    expect(names).toEqual(expect.arrayContaining(NEVER_FOR_TOKENS));
  });

  it('refuses every marked field to a token holding every scope, and serves it to a signed-in person', async () => {
    for (const { type, field } of marked) {
      const info = { parentType: type, fieldName: field.name } as unknown as GraphQLResolveInfo;
      const root = { id: 'x', userId: 'x', [field.name]: 'value' };
      await expect(Promise.resolve().then(() => field.resolve!(root, {}, context(actor(TOKEN_SCOPES)), info)), `${type.name}.${field.name}`).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // A signed-in admin passes the tier (what the field then reads is the services' business).
      const forPerson = Promise.resolve().then(() => field.resolve!(root, {}, context(actor(null)), info));
      await forPerson.then(
        () => undefined,
        (error: { code?: string }) => expect(error.code, `${type.name}.${field.name}`).not.toBe('FORBIDDEN'),
      );
    }
    expect(marked.length).toBeGreaterThanOrEqual(NEVER_FOR_TOKENS.length);
  });

  it('opens to tokens only operations that exist, each with a known scope', () => {
    for (const [operation, scope] of Object.entries(OPERATION_SCOPES)) {
      expect(operations, operation).toContain(operation);
      expect(TOKEN_SCOPES).toContain(scope);
    }
  });
});
