import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type ParamMap, type Params, Router } from '@angular/router';
import { map } from 'rxjs';
import { SORT_KEYS, type SortKey, type SortState, type TableFilter } from './supervision-table';

export interface SupervisionParams {
  readonly sort: SortState;
  readonly filter: TableFilter;
}

const DEFAULT_SORT: SortState = { key: 'name', direction: 'ascending' };

function parse(map: ParamMap): SupervisionParams {
  const key = SORT_KEYS.find((candidate) => candidate === map.get('tri')) as SortKey | undefined;
  return {
    sort: key ? { key, direction: map.get('ordre') === 'decroissant' ? 'descending' : 'ascending' } : DEFAULT_SORT,
    filter: { text: map.get('recherche') ?? '', circonscriptionId: map.get('circonscription') || null },
  };
}

function toQueryParams(params: SupervisionParams): Params {
  const query: Params = {};
  if (params.sort.key !== DEFAULT_SORT.key || params.sort.direction !== DEFAULT_SORT.direction) {
    query['tri'] = params.sort.key;
    if (params.sort.direction === 'descending') query['ordre'] = 'decroissant';
  }
  if (params.filter.text.trim()) query['recherche'] = params.filter.text;
  if (params.filter.circonscriptionId) query['circonscription'] = params.filter.circonscriptionId;
  return query;
}

/**
 * The dashboard's sort and filter, kept in the address (`?tri=covered&ordre=decroissant`): back
 * from a drill-down into the user list finds the table as it was left. Create it in a field initializer.
 */
export class SupervisionAddress {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly params = toSignal(this.route.queryParamMap.pipe(map(parse)), { requireSync: true });

  navigate(params: SupervisionParams): void {
    // Sorting and typing are not steps of the history, and the page stays where it is.
    void this.router.navigate([], { relativeTo: this.route, queryParams: toQueryParams(params), replaceUrl: true, scroll: 'manual' });
  }
}
