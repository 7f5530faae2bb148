import { Scope, SMALL_SCOPE_STRUCTURES } from '../../platform/auth/scope';
import { AdminFunction } from '../../platform/model/admin-function';

/** Whether the creator of the api_client row `client` still holds a function covering its subtree: the operator, or a département admin above it. */
export function creatorMayGrant(client: string): string {
  return `EXISTS (SELECT 1 FROM admin_function f
                  WHERE f.user_id = ${client}.created_by_id
                    AND (f.function = '${AdminFunction.OPERATOR}'
                         OR (f.function = '${AdminFunction.DEPARTEMENT_ADMIN}'
                             AND f.structure_id IN (SELECT sa.ancestor_id FROM structure_ancestor sa WHERE sa.structure_id = ${client}.root_structure_id))))`;
}

export interface TokenRow {
  id: string;
  name: string;
  scopes: string[];
  pseudonym_key: string;
  root_structure_id: string;
  created_by_id: string;
  /** When this token stops: the client's expiry, or the end of a replaced token's grace. */
  expires_at: Date;
  bucket_size: number;
  bucket_refill_per_second: number;
  creator_may_grant: boolean;
  scope_size: number;
  small_ids: string[] | null;
}

/**
 * A live token's client in one round trip: not revoked, not expired (the current token, or the one
 * a rotation replaced, within its grace: then `expires_at` is the end of that grace); whether its
 * creator still holds a function that covers its subtree (the operator, or a département admin
 * above it); how far the subtree reaches (for the scope's query plans). Its last use is written at most once a
 * minute, and that write fires no invalidation (the trigger watches other columns).
 */
export const TOKEN_ROW_QUERY = `
  WITH c AS (
    SELECT a.*, CASE WHEN a.token_hash = $1 THEN a.expires_at ELSE LEAST(a.expires_at, a.previous_token_valid_until) END AS valid_until
      FROM api_client a
     WHERE a.revoked_at IS NULL AND a.expires_at > now()
       AND (a.token_hash = $1 OR (a.previous_token_hash = $1 AND a.previous_token_valid_until > now()))
  ), touched AS (
    UPDATE api_client a SET last_used_at = now() FROM c
     WHERE a.id = c.id AND (c.last_used_at IS NULL OR c.last_used_at < now() - interval '1 minute')
  )
  SELECT c.id, c.name, c.scopes, c.pseudonym_key, c.root_structure_id, c.created_by_id, c.valid_until AS expires_at,
         c.bucket_size, c.bucket_refill_per_second,
         ${creatorMayGrant('c')} AS creator_may_grant,
         covered.size AS scope_size,
         CASE WHEN covered.size <= ${SMALL_SCOPE_STRUCTURES} THEN covered.ids END AS small_ids
    FROM c, LATERAL (SELECT count(*)::int AS size, array_agg(sa.structure_id) AS ids
                       FROM structure_ancestor sa WHERE sa.ancestor_id = c.root_structure_id) covered`;

/** The client's subtree as a scope, exactly as a département admin bound to its root would have. */
export function scopeOfSubtree(row: TokenRow): Scope {
  return new Scope(false, [row.root_structure_id], row.scope_size, row.small_ids);
}
