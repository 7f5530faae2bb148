import { getNamedType, GraphQLField, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, isObjectType } from 'graphql';
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
  'Report.body', // the reported post's body
  'Report.reporters', // reporters' identities (their count and times are Report.reporterCount, reportedAt)
  'User.lastLoginAt', // individual sign-in times
  'Me.lastLoginAt',
  'AuditEntry.clientAddress', // and addresses
  'MailingRecipient.email',
  // An import's report: what it quotes of the file (birth dates, INE, addresses, e-mails, phones).
  'ImportChange.old',
  'ImportChange.new',
  'ImportCandidate.label',
  'ImportLine.messages',
  'ImportFile.samples',
];
// Pupils' e-mail and phone: `ContactDetail` (null for a pupil, contacts:read for adults). Postal
// addresses and photos have no field in the schema today.

/** Names a token reads as a pseudonym without directory:identity:read, on the types reports show it. */
const IDENTITY_FOR_TOKENS = ['Author.displayName', 'Report.treatedBy', 'ImportLine.lastName', 'ImportLine.firstName'];

/** Types no token may reach but through a forbidden field: who reported. */
const NEVER_REACHED_BY_TOKENS = ['Reporter'];
/** Field names that hold a message body or a person's name, wherever a token may reach them. */
const BODY = /body/i;
const PERSON_NAME = /^(displayName|firstName|lastName|login|treatedBy)$/;

/** Every field a token may reach from the operations open to it, without crossing a forbidden field. */
function reachableByTokens(schema: GraphQLSchema, operations: readonly string[]): { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] {
  const reached: { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] = [];
  const seen = new Set<string>();
  const visit = (type: GraphQLObjectType, only?: string) => {
    for (const field of Object.values(type.getFields())) {
      if (only !== undefined && field.name !== only) continue;
      reached.push({ type, field });
      if (field.extensions?.integration === 'forbidden') continue;
      const next = getNamedType(field.type);
      if (isObjectType(next) && !seen.has(next.name)) {
        seen.add(next.name);
        visit(next);
      }
    }
  };
  for (const operation of operations) {
    const [root, name] = operation.split('.');
    visit(schema.getType(root) as GraphQLObjectType, name);
  }
  return reached;
}

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
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
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

  it('pseudonymises the names reports show, and lets no token reach a reporter, a body or an unmarked name', async () => {
    const identities = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).filter((field) => field.extensions?.integration === 'identity').map((field) => `${type.name}.${field.name}`));
    expect(identities).toEqual(expect.arrayContaining(IDENTITY_FOR_TOKENS));

    const reachable = reachableByTokens(schema, Object.keys(OPERATION_SCOPES));
    // The walk reaches the report operations (else the checks below would say nothing about them).
    expect(reachable.map(({ type, field }) => `${type.name}.${field.name}`)).toEqual(expect.arrayContaining(['Report.reporters', 'Report.author', 'Author.displayName']));
    const open = reachable.filter(({ field }) => field.extensions?.integration !== 'forbidden');
    for (const { type, field } of open) {
      const name = `${type.name}.${field.name}`;
      expect(NEVER_REACHED_BY_TOKENS, name).not.toContain(getNamedType(field.type).name);
      expect(field.name, name).not.toMatch(BODY);
      if (PERSON_NAME.test(field.name)) expect(field.extensions?.integration, name).toBe('identity');
    }

    // What the Identity tier gives a token without directory:identity:read: a pseudonym, not the name.
    const author = schema.getType('Author') as GraphQLObjectType;
    const displayName = author.getFields().displayName;
    const info = { parentType: author, fieldName: 'displayName' } as unknown as GraphQLResolveInfo;
    const root = { id: 'author-1', displayName: 'ENSEIGNANT Paul' };
    const pseudonymous = await displayName.resolve!(root, {}, context(actor(['reports:read'])), info);
    expect(pseudonymous).toMatch(/^anon_/);
    expect(await displayName.resolve!(root, {}, context(actor(['reports:read', 'directory:identity:read'])), info)).toBe('ENSEIGNANT Paul');
    expect(await displayName.resolve!(root, {}, context(actor(null)), info)).toBe('ENSEIGNANT Paul');
  });

  it("gives stats:read the dashboard's counts, dates and structures, and no field that could name a person", () => {
    const reachable = reachableByTokens(schema, ['Query.supervision', 'Subscription.supervisionChanged']);
    const names = reachable.map(({ type, field }) => `${type.name}.${field.name}`);
    expect(names).toEqual(expect.arrayContaining(['Supervision.ecoles', 'Supervision.total', 'SupervisionRow.students', 'SupervisionRow.lastImportAt', 'SupervisionChange.changedAt']));
    expect(OPERATION_SCOPES['Query.supervision']).toBe('stats:read');
    expect(OPERATION_SCOPES['Subscription.supervisionChanged']).toBe('stats:read');
    // Only the structures' own words are text; a field added later that names someone (the last
    // import's author…) fails here until it carries a tier.
    const TEXT = ['SupervisionRow.name', 'SupervisionRow.code', 'Supervision.activityDay'];
    for (const { type, field } of reachable) {
      const name = `${type.name}.${field.name}`;
      const leaf = getNamedType(field.type).name;
      if (isObjectType(getNamedType(field.type))) continue;
      if (field.extensions?.integration !== undefined) continue;
      expect(['Int', 'Date', 'DateTimeISO', 'ID', ...(TEXT.includes(name) ? ['String'] : [])], name).toContain(leaf);
    }
  });

  it('opens to tokens only operations that exist, each with a known scope', () => {
    for (const [operation, scope] of Object.entries(OPERATION_SCOPES)) {
      expect(operations, operation).toContain(operation);
      expect(TOKEN_SCOPES).toContain(scope);
    }
  });
});
