import { AuthCheckerFn } from 'type-graphql';
import { AdminFunction } from '../model/admin-function';
import { Profile } from '../model/profile';
import { AppError } from '../errors/app-error';
import { Access } from './access';
import { Actor, hasFunction, isAdmin, isSupervisor } from './actor';
import { checkTokenOperation } from './token-scopes';
import type { RequestContext } from '../context/request-context';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** The coarse gate declared with @Allow; fine-grained scope checks happen in the services. */
export const authChecker: AuthCheckerFn<RequestContext, Access> = ({ context, info }, access) => {
  const actor = context.actor;
  // An integration token passes only the root fields listed for its scopes (PUBLIC ones included).
  if (actor?.integration && ROOT_TYPES.has(info.parentType.name)) {
    return checkTokenOperation(actor.integration, info.parentType.name, info.fieldName, context.clientAddress).then(() => allows(actor, access));
  }
  return allows(actor, access);
};

function allows(actor: Actor | null, access: Access[]): boolean {
  if (access.includes(Access.PUBLIC)) return true;
  if (!actor) throw AppError.unauthenticated();
  const allowed = access.some((rule) => {
    switch (rule) {
      case Access.SIGNED_IN:
        return true;
      case Access.ADMIN:
        return isAdmin(actor);
      case Access.SUPERVISOR:
        return isSupervisor(actor);
      case Access.DEPARTEMENT_ADMIN:
        return hasFunction(actor, AdminFunction.DEPARTEMENT_ADMIN) || hasFunction(actor, AdminFunction.OPERATOR);
      case Access.OPERATOR:
        return hasFunction(actor, AdminFunction.OPERATOR);
      case Access.TEACHER:
        return actor.profile === Profile.TEACHER;
      default:
        return false;
    }
  });
  if (!allowed) throw AppError.forbidden();
  return true;
}
