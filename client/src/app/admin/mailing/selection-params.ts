import type { Params } from '@angular/router';
import type { UserFilter } from '../../core/graphql/generated/graphql';
import { UserListAddress } from '../users/filters/user-list-address';
import { type UserListParams, toQueryParams, toUserFilter } from '../../shared/users/user-list-params';

/** What a publipostage or an export never takes: the pre-deleted accounts. */
const SELECTION: Partial<UserListParams> = { predeleted: false };

/**
 * The selection of a publipostage or an export, kept in the address with the user list's words
 * (`?activation=non&profils=relative…`): back/forward work, and the same selection opens on the
 * other page. Create it in a field initializer.
 */
export class SelectionParams extends UserListAddress {
  constructor() {
    super(SELECTION);
  }
}

/** The server's filter for a selection: never the pre-deleted accounts. */
export function selectionFilter(params: UserListParams): UserFilter {
  return toUserFilter({ ...params, ...SELECTION });
}

/** The address's query parameters for this selection (to open it on another page). */
export function selectionQueryParams(params: UserListParams): Params {
  return toQueryParams({ ...params, ...SELECTION });
}
