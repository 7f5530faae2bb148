import { graphql } from '../../../core/graphql/operation';
import type { UserRowFieldsFragment } from '../../../core/graphql/generated/graphql';

/**
 * An account as the account tables show it (« Utilisateurs », « Publipostage des comptes »): the
 * name for the record's link, profile, login and alias, activation, creation date and classes.
 */
export const USER_ROW_FIELDS = graphql(`
  fragment UserRowFields on User {
    id
    firstName
    lastName
    login
    alias
    profile
    activated
    createdAt
    classes {
      id
      name
    }
  }
`);

/** The « Classe » cell: « CM1, CM2 ». */
export function classNames(row: Pick<UserRowFieldsFragment, 'classes'>): string {
  return row.classes.map((item) => item.name).join(', ');
}
