import { Authorized, Extensions } from 'type-graphql';

/**
 * Who may call a query, mutation, subscription or guarded field. Every root field of the schema
 * declares one with `@Allow(...)` (a test walks the schema and fails on any that does not).
 * Object-level scope (which school, which pupil) is then checked by the service, in SQL.
 */
export enum Access {
  /** Anyone, signed in or not (login, password reset). */
  PUBLIC = 'PUBLIC',
  /** Any signed-in user. */
  SIGNED_IN = 'SIGNED_IN',
  /** Holders of any admin function (school, circonscription, département, operator). */
  ADMIN = 'ADMIN',
  /** Circonscription and département admins, and the operator. */
  SUPERVISOR = 'SUPERVISOR',
  /** Département admins and the operator. */
  DEPARTEMENT_ADMIN = 'DEPARTEMENT_ADMIN',
  OPERATOR = 'OPERATOR',
  /** Teachers (for their own classes), whether or not they also administer. */
  TEACHER = 'TEACHER',
}

export function Allow(...access: [Access, ...Access[]]): MethodDecorator & PropertyDecorator {
  const authorized = Authorized(...access);
  const extensions = Extensions({ access });
  return ((target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    authorized(target, key, descriptor as PropertyDescriptor);
    extensions(target, key, descriptor as PropertyDescriptor);
  }) as MethodDecorator & PropertyDecorator;
}
