/**
 * The directory's profiles. Here rather than in the directory module because rights (platform/auth)
 * and printed sheets (documents/) depend on them too; the directory module registers the GraphQL
 * enum and owns the accounts.
 */
export enum Profile {
  STUDENT = 'STUDENT',
  RELATIVE = 'RELATIVE',
  TEACHER = 'TEACHER',
  PERSONNEL = 'PERSONNEL',
  GUEST = 'GUEST',
}
