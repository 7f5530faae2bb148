import { DataSource } from 'typeorm';
import { Actor, displayName, hasFunction, isSupervisor } from '../../platform/auth/actor';
import { AdminFunction } from '../../platform/model/admin-function';
import { DirectoryService } from '../directory';
import { Profile } from '../../platform/model/profile';
import { HomeKind, MeView } from './me.types';
import { loadActor } from '../../platform/auth/actor-loader';

export function homeFor(actor: Pick<Actor, 'functions' | 'profile'>): HomeKind {
  if (isSupervisor(actor as Actor)) return HomeKind.SUPERVISOR;
  if (hasFunction(actor as Actor, AdminFunction.SCHOOL_ADMIN)) return HomeKind.SCHOOL_ADMIN;
  if (actor.profile === Profile.TEACHER) return HomeKind.TEACHER;
  return HomeKind.USER;
}

/** The `me` view: the actor, the structures of their functions, their écoles and classes. */
export class MeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
  ) {}

  /** The account just signed in, by id (its session cookie is only set on the answer). */
  async signedIn(userId: string): Promise<MeView | null> {
    const actor = await loadActor(this.dataSource, userId);
    return actor ? this.me(actor) : null;
  }

  async me(actor: Actor): Promise<MeView> {
    const [account] = (await this.dataSource.query('SELECT alias, last_login_at FROM app_user WHERE id = $1', [actor.userId])) as {
      alias: string | null;
      last_login_at: Date | null;
    }[];
    const structureIds = actor.functions.map((grant) => grant.structureId).filter((id): id is string => !!id);
    const [structures, schools, classes] = await Promise.all([
      this.directory.structuresByIds(structureIds),
      this.directory.schoolsOfUser(actor.userId),
      this.directory.classesOfUser(actor.userId),
    ]);
    return {
      id: actor.userId,
      login: actor.login,
      alias: account?.alias ?? null,
      firstName: actor.firstName,
      lastName: actor.lastName,
      displayName: displayName(actor),
      profile: actor.profile,
      home: homeFor(actor),
      functions: actor.functions.map((grant) => ({
        function: grant.function,
        structure: grant.structureId ? (structures.get(grant.structureId) ?? null) : null,
      })),
      schools,
      classes,
      lastLoginAt: account?.last_login_at ?? null,
    };
  }
}
