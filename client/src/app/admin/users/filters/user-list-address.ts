import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { distinctUntilChanged, map } from 'rxjs';
import { type UserListParams, parseUserListParams, sameParams, toQueryParams } from '../../../shared/users/user-list-params';

/**
 * The user list's filters, column searches and sort, read from the address of the current page and
 * written back to it (`?profils=teacher&activation=non…`), so that back/forward and links work.
 * `fixed` is written over what the page asks for (a publipostage never takes pre-deleted accounts).
 * Create it in a field initializer.
 */
export class UserListAddress {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly fixed: Partial<UserListParams>;

  readonly params = toSignal(this.route.queryParamMap.pipe(map(parseUserListParams), distinctUntilChanged(sameParams)), {
    requireSync: true,
  });

  constructor(fixed: Partial<UserListParams> = {}) {
    this.fixed = fixed;
  }

  /** `replaceUrl` for typing, which is not a step of the history. */
  navigate(params: UserListParams, replaceUrl = false): void {
    // Same page: no scrolling to the top, the person stays where they are working.
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toQueryParams({ ...params, ...this.fixed }),
      replaceUrl,
      scroll: 'manual',
    });
  }
}
