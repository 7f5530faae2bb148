import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, displayName, hasFunction } from '../../platform/auth/actor';
import { loadActor } from '../../platform/auth/actor-loader';
import { generateApiToken, hashApiToken, isWellFormedApiToken } from '../../platform/auth/api-token';
import { IntegrationGrant, OPERATOR_ONLY_SCOPES, TOKEN_SCOPES, TokenScope } from '../../platform/auth/token-scopes';
import { SqlParams } from '../../platform/database/sql-builder';
import { isUuid } from '../../platform/database/uuid';
import { AppError, Bilingual } from '../../platform/errors/app-error';
import { AdminFunction } from '../../platform/model/admin-function';
import { AuditService } from '../audit';
import type { ClientInfo } from '../accounts';
import { structureInScope } from '../directory';
import { ApiClientCreatedView, ApiClientView, CreateApiClientInput } from './api-client.types';
import { creatorMayGrant, scopeOfSubtree, TokenRow, TOKEN_ROW_QUERY } from './token-row';

const MAX_DAYS = 366;
const NAME_MAX = 100;
const PURPOSE_MAX = 1000;
const MIN_BUCKET = 10;
const MAX_BUCKET = 1_000_000;
const MIN_REFILL = 0.1;
const MAX_REFILL = 10_000;

interface ClientRow {
  id: string;
  name: string;
  purpose: string;
  root_structure_id: string;
  structure_name: string;
  scopes: string[];
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  bucket_size: number;
  bucket_refill_per_second: number;
  previous_token_valid_until: Date | null;
}

const CLIENT_COLUMNS = `c.id, c.name, c.purpose, c.root_structure_id, s.name AS structure_name, c.scopes, c.created_at, c.expires_at, c.revoked_at, c.last_used_at, c.bucket_size, c.bucket_refill_per_second,
  CASE WHEN c.previous_token_valid_until > now() AND c.revoked_at IS NULL THEN LEAST(c.previous_token_valid_until, c.expires_at) END AS previous_token_valid_until`;

/** How long a token replaced by a rotation keeps working, so the integrator can deploy the new one. */
export const ROTATION_GRACE_HOURS = 24;

function view(row: ClientRow): ApiClientView {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    structureId: row.root_structure_id,
    structureName: row.structure_name,
    scopes: row.scopes,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    bucketSize: row.bucket_size,
    bucketRefillPerSecond: row.bucket_refill_per_second,
    previousTokenValidUntil: row.previous_token_valid_until,
  };
}

const actorLabel = (actor: Actor) => `${displayName(actor)} (${actor.login})`;

/** An expiry a client may be given: in the future, within 366 days. */
function expiryError(expiresAt: Date): Bilingual | null {
  const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
  return days <= 0 || days > MAX_DAYS ? { fr: `Choisissez une date dans les ${MAX_DAYS} jours à venir.`, en: `Choose a date within the next ${MAX_DAYS} days.` } : null;
}

function mayManage(actor: Actor): boolean {
  return !actor.integration && (hasFunction(actor, AdminFunction.DEPARTEMENT_ADMIN) || hasFunction(actor, AdminFunction.OPERATOR));
}

/**
 * API clients and their tokens (issue 20, items 1 and 2): created by a département admin or the
 * operator within their scope, resolved on every request into an actor whose rights are the
 * token's scopes ∩ its creator's current rights ∩ the client's subtree.
 */
export class IntegrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateApiClientInput, client: ClientInfo): Promise<ApiClientCreatedView> {
    if (!mayManage(actor)) throw AppError.forbidden();
    const name = input.name.trim();
    const purpose = input.purpose.trim();
    const scopes = [...new Set(input.scopes)];
    const fields: Record<string, { fr: string; en: string }> = {};
    if (!name || name.length > NAME_MAX) fields.name = { fr: `Donnez un nom de ${NAME_MAX} caractères au plus.`, en: `Give a name of at most ${NAME_MAX} characters.` };
    if (!purpose || purpose.length > PURPOSE_MAX) fields.purpose = { fr: `Décrivez l'usage des données (${PURPOSE_MAX} caractères au plus).`, en: `Describe what the data is used for (at most ${PURPOSE_MAX} characters).` };
    const unknown = scopes.filter((scope) => !(TOKEN_SCOPES as readonly string[]).includes(scope));
    if (scopes.length === 0) fields.scopes = { fr: 'Choisissez au moins une portée.', en: 'Choose at least one scope.' };
    else if (unknown.length) fields.scopes = { fr: `Portée inconnue : ${unknown.join(', ')}.`, en: `Unknown scope: ${unknown.join(', ')}.` };
    else if (!hasFunction(actor, AdminFunction.OPERATOR) && scopes.some((scope) => OPERATOR_ONLY_SCOPES.includes(scope as TokenScope))) {
      fields.scopes = { fr: "La portée contacts:read n'est accordée que par l'opérateur.", en: 'Only the operator grants the contacts:read scope.' };
    }
    const expiry = expiryError(input.expiresAt);
    if (expiry) fields.expiresAt = expiry;
    if (Object.keys(fields).length) throw AppError.badInput({ fr: 'Le client API ne peut pas être créé : corrigez les champs signalés.', en: 'The API client cannot be created: correct the fields shown.' }, fields);

    return this.dataSource.transaction(async (manager) => {
      if (!(await structureInScope(manager, actor, input.structureId))) throw AppError.notFound();
      const token = generateApiToken();
      const [row] = (await manager.query(
        `WITH c AS (
           INSERT INTO api_client (name, purpose, root_structure_id, scopes, created_by_id, token_hash, pseudonym_key, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *
         )
         SELECT ${CLIENT_COLUMNS} FROM c JOIN structure s ON s.id = c.root_structure_id`,
        [name, purpose, input.structureId, scopes, actor.userId, hashApiToken(token), randomBytes(32).toString('base64url'), input.expiresAt],
      )) as ClientRow[];
      await this.audit.record(
        {
          actorId: actor.userId,
          actorLabel: actorLabel(actor),
          action: 'API_CLIENT_CREATED',
          clientAddress: client.address,
          details: { client: name, clientId: row!.id, structure: row!.structure_name, scopes, expiresAt: input.expiresAt.toISOString() },
        },
        manager,
      );
      return { client: view(row!), token };
    });
  }

  /** The clients whose subtree lies in the caller's scope, newest first. */
  async list(actor: Actor): Promise<ApiClientView[]> {
    if (!mayManage(actor)) throw AppError.forbidden();
    const params = new SqlParams();
    const rows = (await this.dataSource.query(
      `SELECT ${CLIENT_COLUMNS} FROM api_client c JOIN structure s ON s.id = c.root_structure_id
        WHERE ${actor.scope.contains('c.root_structure_id', params)} ORDER BY c.created_at DESC LIMIT 200`,
      params.values,
    )) as ClientRow[];
    return rows.map(view);
  }

  /** Revokes at once on every instance: a trigger sends actor.changed for the creator at commit. */
  async revoke(actor: Actor, id: string, client: ClientInfo): Promise<ApiClientView> {
    if (!mayManage(actor)) throw AppError.forbidden();
    if (!isUuid(id)) throw AppError.notFound();
    return this.dataSource.transaction(async (manager) => {
      const params = new SqlParams();
      const [row] = (await manager.query(
        `WITH c AS (
           UPDATE api_client c SET revoked_at = COALESCE(c.revoked_at, now())
            WHERE c.id = ${params.add(id, 'uuid')} AND ${actor.scope.contains('c.root_structure_id', params)} RETURNING *
         )
         SELECT ${CLIENT_COLUMNS} FROM c JOIN structure s ON s.id = c.root_structure_id`,
        params.values,
      )) as ClientRow[];
      if (!row) throw AppError.notFound();
      await this.audit.record(
        { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'API_CLIENT_REVOKED', clientAddress: client.address, details: { client: row.name, clientId: row.id } },
        manager,
      );
      return view(row);
    });
  }

  /**
   * A new token for a live client; the one it replaces keeps working ROTATION_GRACE_HOURS (never
   * past the old expiry), and a token replaced earlier stops at once. With `expiresAt` the client
   * gets a new expiry (≤ 366 days), which also re-arms the expiry warnings. The trigger on
   * api_client sends actor.changed for the creator, so every instance reads both tokens again.
   */
  async rotate(actor: Actor, id: string, expiresAt: Date | null | undefined, client: ClientInfo): Promise<ApiClientCreatedView> {
    if (!mayManage(actor)) throw AppError.forbidden();
    if (!isUuid(id)) throw AppError.notFound();
    const expiry = expiresAt ? expiryError(expiresAt) : null;
    if (expiry) throw AppError.badInput({ fr: 'Le jeton ne peut pas être renouvelé : corrigez les champs signalés.', en: 'The token cannot be rotated: correct the fields shown.' }, { expiresAt: expiry });
    return this.dataSource.transaction(async (manager) => {
      const token = generateApiToken();
      const params = new SqlParams();
      const inScope = actor.scope.contains('c.root_structure_id', params);
      const [found] = (await manager.query(
        `SELECT c.id, c.revoked_at IS NULL AND c.expires_at > now() AS live FROM api_client c WHERE c.id = ${params.add(id, 'uuid')} AND ${inScope} FOR UPDATE`,
        params.values,
      )) as { id: string; live: boolean }[];
      if (!found) throw AppError.notFound();
      if (!found.live) throw AppError.of('API_CLIENT_INACTIVE');
      const [row] = (await manager.query(
        `WITH c AS (
           UPDATE api_client c
              SET previous_token_hash = c.token_hash,
                  previous_token_valid_until = LEAST(c.expires_at, now() + make_interval(hours => $4)),
                  token_hash = $2,
                  expires_at = COALESCE($3, c.expires_at),
                  expiry_warned_days = CASE WHEN $3::timestamptz IS NULL THEN c.expiry_warned_days END
            WHERE c.id = $1 RETURNING *
         )
         SELECT ${CLIENT_COLUMNS} FROM c JOIN structure s ON s.id = c.root_structure_id`,
        [id, hashApiToken(token), expiresAt ?? null, ROTATION_GRACE_HOURS],
      )) as ClientRow[];
      await this.audit.record(
        {
          actorId: actor.userId,
          actorLabel: actorLabel(actor),
          action: 'API_CLIENT_ROTATED',
          clientAddress: client.address,
          details: { client: row!.name, clientId: row!.id, previousValidUntil: row!.previous_token_valid_until?.toISOString() ?? null, expiresAt: row!.expires_at.toISOString() },
        },
        manager,
      );
      return { client: view(row!), token };
    });
  }

  /**
   * Sets a client's cost bucket (operator only). The trigger on api_client sends actor.changed for
   * its creator, so every instance reads the new size with the token's next call.
   */
  async setRateLimit(actor: Actor, id: string, input: { size: number; refillPerSecond: number }, client: ClientInfo): Promise<ApiClientView> {
    if (actor.integration || !hasFunction(actor, AdminFunction.OPERATOR)) throw AppError.forbidden();
    if (!isUuid(id)) throw AppError.notFound();
    const fields: Record<string, { fr: string; en: string }> = {};
    if (!Number.isInteger(input.size) || input.size < MIN_BUCKET || input.size > MAX_BUCKET) {
      fields.size = { fr: `Choisissez une taille entre ${MIN_BUCKET} et ${MAX_BUCKET.toLocaleString('fr-FR')} points.`, en: `Choose a size between ${MIN_BUCKET} and ${MAX_BUCKET.toLocaleString('en-GB')} points.` };
    }
    if (!Number.isFinite(input.refillPerSecond) || input.refillPerSecond < MIN_REFILL || input.refillPerSecond > MAX_REFILL) {
      fields.refillPerSecond = { fr: `Choisissez un débit entre ${MIN_REFILL.toLocaleString('fr-FR')} et ${MAX_REFILL.toLocaleString('fr-FR')} points par seconde.`, en: `Choose a rate between ${MIN_REFILL} and ${MAX_REFILL.toLocaleString('en-GB')} points per second.` };
    }
    if (Object.keys(fields).length) throw AppError.badInput({ fr: 'La limite ne peut pas être changée : corrigez les champs signalés.', en: 'The limit cannot be changed: correct the fields shown.' }, fields);
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `WITH before AS (SELECT id, bucket_size, bucket_refill_per_second FROM api_client WHERE id = $1 FOR UPDATE),
              c AS (UPDATE api_client a SET bucket_size = $2, bucket_refill_per_second = $3 FROM before WHERE a.id = before.id RETURNING a.*)
         SELECT ${CLIENT_COLUMNS}, before.bucket_size AS size_before, before.bucket_refill_per_second AS refill_before
           FROM c JOIN structure s ON s.id = c.root_structure_id, before`,
        [id, input.size, input.refillPerSecond],
      )) as (ClientRow & { size_before: number; refill_before: number })[];
      if (!row) throw AppError.notFound();
      await this.audit.record(
        {
          actorId: actor.userId,
          actorLabel: actorLabel(actor),
          action: 'API_CLIENT_RATE_LIMIT_SET',
          clientAddress: client.address,
          details: { client: row.name, clientId: row.id, size: input.size, refillPerSecond: input.refillPerSecond, before: { size: row.size_before, refillPerSecond: row.refill_before } },
        },
        manager,
      );
      return view(row);
    });
  }

  /**
   * Among `clientIds` (the clients with a live subscription on this instance), those whose token's
   * rights reach one of `structureIds` (a report's école and its ancestors; `all` for a signal that
   * names no structure) with `scope`: the client live, its subtree holding that école, its creator
   * still able to grant it and sign in.
   * Read at delivery from PostgreSQL, after the event's own commit: a revocation or a change of the
   * creator's rights committed before it already counts (tokens are few; no cache to keep exact).
   */
  async clientsReaching(clientIds: readonly string[], structureIds: readonly string[] | 'all', scope: TokenScope): Promise<string[]> {
    if (clientIds.length === 0 || structureIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT c.id FROM api_client c JOIN app_user u ON u.id = c.created_by_id
        WHERE c.id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR c.root_structure_id = ANY($2::uuid[])) AND $3 = ANY(c.scopes)
          AND c.revoked_at IS NULL AND c.expires_at > now()
          AND u.predeleted_at IS NULL AND (u.blocked_at IS NULL OR (u.blocked_until IS NOT NULL AND u.blocked_until <= now()))
          AND ${creatorMayGrant('c')}`,
      [clientIds, structureIds === 'all' ? null : structureIds, scope],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /**
   * The actor of a bearer token, or null (unknown, malformed, revoked, expired, or its creator may
   * no longer grant it: blocked, pre-deleted, or no longer département admin or operator over the
   * client's subtree). The creator is loaded by the same loader as a session's actor, so anything
   * that changes their rights changes the token's; the caller caches the result under the creator
   * (ActorCache), which the actor.changed notifications keep exact.
   */
  async actorForToken(token: string): Promise<{ actor: Actor; expiresAt: Date } | null> {
    if (!isWellFormedApiToken(token)) return null;
    const [row] = (await this.dataSource.query(TOKEN_ROW_QUERY, [hashApiToken(token)])) as TokenRow[];
    if (!row || !row.creator_may_grant) return null;
    const creator = await loadActor(this.dataSource, row.created_by_id);
    if (!creator) return null;
    const operatorStill = hasFunction(creator, AdminFunction.OPERATOR);
    const scopes = (row.scopes as TokenScope[]).filter((scope) => operatorStill || !OPERATOR_ONLY_SCOPES.includes(scope));
    const grant: IntegrationGrant = {
      clientId: row.id,
      clientName: row.name,
      scopes,
      pseudonymKey: row.pseudonym_key,
      bucket: { size: row.bucket_size, refillPerSecond: row.bucket_refill_per_second },
      recordWrite: (operation, clientAddress) =>
        this.audit.record({
          actorId: creator.userId,
          actorLabel: actorLabel(creator),
          action: 'API_WRITE',
          clientAddress,
          details: { client: row.name, clientId: row.id, operation },
        }),
    };
    return {
      actor: {
        userId: creator.userId,
        // Every line a service writes to the audit log names the client, not just its creator.
        login: `${creator.login}, application « ${row.name} »`,
        firstName: creator.firstName,
        lastName: creator.lastName,
        profile: creator.profile,
        // Acting as a département admin of the subtree, never as the operator nor a teacher.
        functions: [{ function: AdminFunction.DEPARTEMENT_ADMIN, structureId: row.root_structure_id }],
        scope: scopeOfSubtree(row),
        teacherClassIds: [],
        integration: grant,
      },
      expiresAt: row.expires_at,
    };
  }
}

