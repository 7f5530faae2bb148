import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, displayName, hasFunction } from '../../platform/auth/actor';
import { loadActor } from '../../platform/auth/actor-loader';
import { generateApiToken, hashApiToken, isWellFormedApiToken } from '../../platform/auth/api-token';
import { IntegrationGrant, OPERATOR_ONLY_SCOPES, TOKEN_SCOPES, TokenScope } from '../../platform/auth/token-scopes';
import { SqlParams } from '../../platform/database/sql-builder';
import { isUuid } from '../../platform/database/uuid';
import { AppError } from '../../platform/errors/app-error';
import { AdminFunction } from '../../platform/model/admin-function';
import { AuditService } from '../audit';
import type { ClientInfo } from '../accounts';
import { structureInScope } from '../directory';
import { ApiClientCreatedView, ApiClientView, CreateApiClientInput } from './api-client.types';
import { scopeOfSubtree, TokenRow, TOKEN_ROW_QUERY } from './token-row';

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
}

const CLIENT_COLUMNS = `c.id, c.name, c.purpose, c.root_structure_id, s.name AS structure_name, c.scopes, c.created_at, c.expires_at, c.revoked_at, c.last_used_at, c.bucket_size, c.bucket_refill_per_second`;

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
  };
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
    const days = (input.expiresAt.getTime() - Date.now()) / 86_400_000;
    if (days <= 0 || days > MAX_DAYS) fields.expiresAt = { fr: `Choisissez une date dans les ${MAX_DAYS} jours à venir.`, en: `Choose a date within the next ${MAX_DAYS} days.` };
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
          actorLabel: `${displayName(actor)} (${actor.login})`,
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
        { actorId: actor.userId, actorLabel: `${displayName(actor)} (${actor.login})`, action: 'API_CLIENT_REVOKED', clientAddress: client.address, details: { client: row.name, clientId: row.id } },
        manager,
      );
      return view(row);
    });
  }

  /**
   * Sets a client's cost bucket (operator only). The trigger on api_client sends actor.changed for
   * its creator, so every instance reads the new size with the token's next call.
   */
  async setRateLimit(actor: Actor, id: string, input: { size: number; refillPerSecond: number }): Promise<ApiClientView> {
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
    const [row] = (await this.dataSource.query(
      `WITH c AS (UPDATE api_client SET bucket_size = $2, bucket_refill_per_second = $3 WHERE id = $1 RETURNING *)
       SELECT ${CLIENT_COLUMNS} FROM c JOIN structure s ON s.id = c.root_structure_id`,
      [id, input.size, input.refillPerSecond],
    )) as ClientRow[];
    if (!row) throw AppError.notFound();
    return view(row);
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
          actorLabel: `${displayName(creator)} (${creator.login})`,
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

