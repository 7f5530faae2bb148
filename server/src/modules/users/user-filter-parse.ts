import { AdminFunction } from '../../platform/model/admin-function';
import { Profile } from '../../platform/model/profile';
import { isUuid } from '../../platform/database/uuid';
import { AppError } from '../../platform/errors/app-error';
import { GuardianCoverage, UserFilter } from './users.types';

const invalid = () =>
  AppError.badInput({ fr: 'Les filtres de la liste sont illisibles : rechargez la page.', en: 'The list filters cannot be read: reload the page.' });

const bool = (value: unknown) => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') throw invalid();
  return value;
};
const oneOf = <T extends string>(value: unknown, accepted: readonly T[]): T | null => {
  if (value === undefined || value === null) return null;
  if (!accepted.includes(value as T)) throw invalid();
  return value as T;
};
const text = (value: unknown) => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > 100) throw invalid();
  return value;
};
const list = <T extends string>(value: unknown, accept: (item: string) => boolean): T[] | null => {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length > 500 || !value.every((item) => typeof item === 'string' && accept(item))) throw invalid();
  return value as T[];
};

/**
 * A UserFilter from JSON, for the plain-HTTP downloads (the CSV export) that do not go through
 * GraphQL's input validation: the same fields, checked as strictly, unknown keys refused.
 */
export function parseUserFilter(json: string | undefined): UserFilter {
  if (!json) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw invalid();
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid();
  const known = new Set(['profiles', 'activated', 'classIds', 'functions', 'blocked', 'predeleted', 'hasEmail', 'guardians', 'absentFromFile', 'renewalCodeExpired', 'structureId', 'lastName', 'firstName', 'login', 'className', 'importId']);
  const input = raw as Record<string, unknown>;
  if (Object.keys(input).some((key) => !known.has(key))) throw invalid();
  const structureId = text(input.structureId);
  if (structureId !== null && !isUuid(structureId)) throw invalid();
  const importId = text(input.importId);
  if (importId !== null && !isUuid(importId)) throw invalid();
  return {
    profiles: list<Profile>(input.profiles, (item) => (Object.values(Profile) as string[]).includes(item)),
    activated: bool(input.activated),
    classIds: list<string>(input.classIds, isUuid),
    functions: list<AdminFunction>(input.functions, (item) => (Object.values(AdminFunction) as string[]).includes(item)),
    blocked: bool(input.blocked),
    predeleted: bool(input.predeleted),
    hasEmail: bool(input.hasEmail),
    guardians: oneOf(input.guardians, Object.values(GuardianCoverage)),
    absentFromFile: bool(input.absentFromFile),
    renewalCodeExpired: bool(input.renewalCodeExpired),
    structureId,
    lastName: text(input.lastName),
    firstName: text(input.firstName),
    login: text(input.login),
    className: text(input.className),
    importId,
  };
}
