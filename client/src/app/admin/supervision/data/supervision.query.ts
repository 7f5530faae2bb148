import { graphql } from '../../../core/graphql/operation';

/** The figures of one row of the « Tableau de bord » (an école, or a total: each person counted once). */
export const SUPERVISION_ROW_FIELDS = graphql(`
  fragment SupervisionRowFields on SupervisionRow {
    id
    name
    code
    circonscriptionId
    students
    studentsActivated
    relatives
    relativesActivated
    teachers
    teachersActivated
    personnel
    personnelActivated
    guests
    guestsActivated
    pupilsCovered
    pupilsWithoutGuardian
    relativesWithoutEmail
    blocked
    predeleted
    pendingReports
    oldestPendingReportAt
    absentFromFile
    renewalCodesExpired
    lastImportAt
    lastImportCreated
    lastImportModified
    lastImportLeavers
    unappliedImportAt
    studentsActive7
    studentsActive30
    relativesActive7
    relativesActive30
    teachersActive7
    teachersActive30
  }
`);

/** Live: a figure of an école of my scope changed (accounts, activation, guardians, imports, codes…); it carries none. */
export const SUPERVISION_CHANGED_SUBSCRIPTION = graphql(`
  subscription SupervisionChanged {
    supervisionChanged {
      changedAt
    }
  }
`);

/** « Tableau de bord »: every école of the scope, each circonscription's total and the view's (each person counted once). */
export const SUPERVISION_QUERY = graphql(`
  query Supervision {
    supervision {
      updatedAt
      activityDay
      circonscriptions {
        ...SupervisionRowFields
      }
      ecoles {
        ...SupervisionRowFields
      }
      total {
        ...SupervisionRowFields
      }
    }
  }
`);
