import { AuthCheckerFn } from 'type-graphql';
import { AdminFunction } from '../model/admin-function';
import { Profile } from '../model/profile';
import { AppError } from '../errors/app-error';
import { Access } from './access';
import { hasFunction, isAdmin, isSupervisor } from './actor';
import type { RequestContext } from '../context/request-context';

/** The coarse gate declared with @Allow; fine-grained scope checks happen in the services. */
export const authChecker: AuthCheckerFn<RequestContext, Access> = ({ context }, access) => {
  if (access.includes(Access.PUBLIC)) return true;
  const actor = context.actor;
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
};
