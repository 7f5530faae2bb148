import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { distinctUntilChanged, map } from 'rxjs';
import type { UserFilter } from '../../core/graphql/generated/graphql';
import { type UserListParams, parseUserListParams, sameParams, toQueryParams, toUserFilter } from '../users/list/user-list-params';

/**
 * The selection of a publipostage or an export, kept in the address with the user list's words
 * (`?activation=non&profils=relative…`): back/forward work, and the same selection opens on the
 * other page. Create it in a field initializer.
 */
export class SelectionParams {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly params = toSignal(this.route.queryParamMap.pipe(map(parseUserListParams), distinctUntilChanged(sameParams)), {
    requireSync: true,
  });

  navigate(params: UserListParams, replaceUrl = false): void {
    // Same page: no scrolling to the top, the person stays where they are working.
    void this.router.navigate([], { relativeTo: this.route, queryParams: toQueryParams({ ...params, predeleted: false }), replaceUrl, scroll: 'manual' });
  }
}

/** The server's filter for a selection: never the pre-deleted accounts. */
export function selectionFilter(params: UserListParams): UserFilter {
  return { ...toUserFilter(params), predeleted: false };
}

/** The address's query parameters for this selection (to open it on another page). */
export function selectionQueryParams(params: UserListParams) {
  return toQueryParams({ ...params, predeleted: false });
}
