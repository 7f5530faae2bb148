import type { Actor } from './actor';
import type { SqlParams } from '../database/sql-builder';

/**
 * The rows `actor` made, on `alias` (a table with `creator_id` and `api_client_id`, like
 * import_session since migration ImportSessionClient): a person's are those they made in the
 * console (no client); a token's, those its API client made. So what software made is not in its
 * creator's console nor another client's, and the reverse.
 */
export function madeByCaller(actor: Actor, alias: string, params: SqlParams): string {
  const clientId = actor.integration?.clientId ?? null;
  return `${alias}.creator_id = ${params.add(actor.userId, 'uuid')} AND ${alias}.api_client_id IS NOT DISTINCT FROM ${params.add(clientId, 'uuid')}`;
}
