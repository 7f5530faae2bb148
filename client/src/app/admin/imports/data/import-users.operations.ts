import type { ImportLinesQuery, ImportSessionQuery } from '../../../core/graphql/generated/graphql';
import { graphql } from '../../../core/graphql/operation';

export type ImportSession = NonNullable<ImportSessionQuery['importSession']>;
export type ImportLine = ImportLinesQuery['importSession']['lines']['items'][number];

/** A dry run's report, without its lines (they come page by page). */
export const IMPORT_SESSION_QUERY = graphql(`
  query ImportSession($id: ID!) {
    importSession(id: $id) {
      id
      schoolId
      schoolName
      status
      files {
        fileName
        kind
        encoding
        separator
        rows
        samples
        footerSkipped
        warnings
      }
      totals {
        profile
        created
        modified
        unchanged
        transfers
        classChanges
        absent
        toArbitrate
        errors
        warnings
      }
      classes {
        operation
        oldName
        name
        pupils
      }
      families {
        pupilsWithoutGuardian
        pupilsWithOneGuardian
        pupilsWithTwoOrMoreGuardians
        guardiansWithoutEmail
      }
      leavers {
        pupils
        relatives
        withheld
        confirmationRequired
      }
      outcome {
        created
        modified
        transfers
        leavers
        classesCreated
        classesRenamed
      }
    }
  }
`);

/** One page of the report's lines, optionally of one operation (« À arbitrer » are read all at once). */
export const IMPORT_LINES_QUERY = graphql(`
  query ImportLines($id: ID!, $first: Int!, $offset: Int!, $operation: ImportLineOperation, $decidable: Boolean) {
    importSession(id: $id) {
      id
      lines(first: $first, offset: $offset, operation: $operation, decidable: $decidable) {
        total
        items {
          file
          line
          profile
          operation
          rule
          lastName
          firstName
          className
          classChange
          candidates {
            userId
            label
          }
          changes {
            field
            old
            new
          }
          messages
        }
      }
    }
  }
`);

export const APPLY_IMPORT_MUTATION = graphql(`
  mutation ApplyImport($sessionId: ID!, $resolutions: [ImportResolution!]!, $confirmLeavers: Int) {
    applyImport(sessionId: $sessionId, resolutions: $resolutions, confirmLeavers: $confirmLeavers) {
      created
      modified
      transfers
      leavers
      classesCreated
      classesRenamed
    }
  }
`);

/** « Appliquer » on its way (the creator's own import only). */
export const IMPORT_PROGRESS_SUBSCRIPTION = graphql(`
  subscription ImportProgress($sessionId: ID!) {
    importProgress(sessionId: $sessionId) {
      sessionId
      phase
      done
      total
    }
  }
`);
