import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import type { Apollo } from 'apollo-angular';
import { map } from 'rxjs';
import type { KeysetPage, PageFetcher } from './keyset-paged';

/**
 * A page fetcher over one Apollo query, always asked of the network (a list shown is the list as it
 * is now). `variables` builds the variables for a cursor; `select` picks the page out of the data.
 * An answer without its page (GraphQL errors) fails with the answer's error, so the page words it.
 */
export function apolloPage<TData, TVariables extends OperationVariables, T>(
  apollo: Apollo,
  query: TypedDocumentNode<TData, TVariables>,
  variables: (after: string | null) => TVariables,
  select: (data: TData) => KeysetPage<T> | null | undefined,
): PageFetcher<T> {
  return (after) =>
    // The cast: Apollo's options type makes `variables` optional or required by a conditional type
    // that a generic TVariables cannot resolve; the caller's query and variables are typed together.
    apollo.query<TData, TVariables>({ query, variables: variables(after), fetchPolicy: 'network-only' } as Apollo.QueryOptions<TData, TVariables>).pipe(
      map((result) => {
        const page = result.data ? select(result.data as TData) : null;
        if (!page) throw result.error ?? new Error('No page in the answer');
        return page;
      }),
    );
}
