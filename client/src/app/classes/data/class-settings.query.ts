import { graphql } from '../../core/graphql/operation';

/** « Paramétrage de la classe »: the class, its pupils (state, last connection) and its teachers. */
export const CLASS_SETTINGS_FIELDS = graphql(`
  fragment ClassSettingsFields on SchoolClass {
    id
    name
    levels
    school {
      id
      name
    }
    pupils {
      id
      displayName
      login
      alias
      profile
      status
      activated
      lastLoginDay
    }
    teachers {
      id
      displayName
    }
  }
`);

export const CLASS_SETTINGS_QUERY = graphql(`
  query ClassSettings($id: ID!) {
    schoolClass(id: $id) {
      ...ClassSettingsFields
    }
  }
`);
