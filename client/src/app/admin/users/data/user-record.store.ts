import { Injectable, computed, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { type Observable, type Subscription, firstValueFrom } from 'rxjs';
import type { UserError } from '../../../core/errors/user-error';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import type { AdminFunction } from '../../../core/graphql/generated/graphql';
import type { UserRecord } from './user-record.fragment';
import {
  ADD_RELATIVE_MUTATION,
  ATTACH_TO_CLASS_MUTATION,
  BLOCK_USER_MUTATION,
  DETACH_FROM_CLASS_MUTATION,
  GRANT_ADMIN_FUNCTION_MUTATION,
  PREDELETE_USER_MUTATION,
  REMOVE_RELATIVE_MUTATION,
  REMOVE_USER_PHOTO_MUTATION,
  RESTORE_USER_MUTATION,
  REVOKE_ADMIN_FUNCTION_MUTATION,
  SET_LOGIN_ALIAS_MUTATION,
  UNBLOCK_USER_MUTATION,
} from './user-record.mutations';
import { USER_RECORD_QUERY } from './user-record.query';

/** Each action of the record, by « section:action »: the key of its busy flag, error and outcome. */
export const RECORD_ACTION = {
  alias: 'connection:alias',
  block: 'account:block',
  unblock: 'account:unblock',
  removePhoto: 'account:photo',
  predelete: 'account:predelete',
  restore: 'account:restore',
  attachToClass: 'classes:add',
  detachFromClass: 'classes:remove',
  addRelative: 'relatives:add',
  removeRelative: 'relatives:remove',
  grantFunction: 'functions:grant',
  revokeFunction: 'functions:revoke',
} as const;

type RecordState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly user: UserRecord }
  | { readonly kind: 'failed'; readonly message: string };

/** An action's outcome, shown next to it: `key` is « section:action » (e.g. « classes:remove:<id> »). */
interface Feedback {
  readonly key: string;
  readonly section: string;
}

/**
 * The record being shown, shared by the page and its sections (provided by the page). Its actions
 * are named commands (`setAlias`, `block`, `attachToClass`…): one at a time, its error kept for
 * the action that failed (server message, code, fields, under RECORD_ACTION's key), the record
 * replaced by the one the server answers with, the history told to reload. Each resolves to
 * whether it worked.
 */
@Injectable()
export class UserRecordStore {
  private readonly apollo = inject(Apollo);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);
  private request: Subscription | null = null;
  private readonly failure = signal<(Feedback & { readonly error: UserError }) | null>(null);
  private readonly success = signal<(Feedback & { readonly message: string }) | null>(null);

  readonly state = signal<RecordState>({ kind: 'loading' });
  readonly user = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.user : null;
  });
  /** Bumped after every change, so the history asks again. */
  readonly revision = signal(0);
  /** The key of the action running, if any. */
  readonly pending = signal<string | null>(null);

  load(id: string): void {
    this.request?.unsubscribe();
    this.state.set({ kind: 'loading' });
    this.clearFeedback();
    this.request = this.apollo.query({ query: USER_RECORD_QUERY, variables: { id }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) =>
        this.state.set(
          result.data
            ? { kind: 'loaded', user: result.data.user }
            : { kind: 'failed', message: this.userErrors.describe(result.error).message },
        ),
      error: (error: unknown) => this.state.set({ kind: 'failed', message: this.userErrors.describe(error).message }),
    });
  }

  destroy(): void {
    this.request?.unsubscribe();
  }

  // Commands

  setAlias(alias: string | null): Promise<boolean> {
    return this.command(
      RECORD_ACTION.alias,
      (userId) => this.apollo.mutate({ mutation: SET_LOGIN_ALIAS_MUTATION, variables: { userId, alias } }),
      (data) => data.setLoginAlias,
      alias ? 'userRecord.connection.aliasSaved' : 'userRecord.connection.aliasRemoved',
      { alias: alias ?? '' },
    );
  }

  block(until: string | null, reason: string | null): Promise<boolean> {
    return this.command(
      RECORD_ACTION.block,
      (userId) => this.apollo.mutate({ mutation: BLOCK_USER_MUTATION, variables: { userId, until, reason } }),
      (data) => data.blockUser,
      'userRecord.actions.blocked',
    );
  }

  unblock(): Promise<boolean> {
    return this.command(
      RECORD_ACTION.unblock,
      (userId) => this.apollo.mutate({ mutation: UNBLOCK_USER_MUTATION, variables: { userId } }),
      (data) => data.unblockUser,
      'userRecord.actions.unblocked',
    );
  }

  removePhoto(): Promise<boolean> {
    return this.command(
      RECORD_ACTION.removePhoto,
      (userId) => this.apollo.mutate({ mutation: REMOVE_USER_PHOTO_MUTATION, variables: { userId } }),
      (data) => data.removeUserPhoto,
      'userRecord.actions.photoRemoved',
    );
  }

  predelete(): Promise<boolean> {
    return this.command(
      RECORD_ACTION.predelete,
      (userId) => this.apollo.mutate({ mutation: PREDELETE_USER_MUTATION, variables: { userId } }),
      (data) => data.predeleteUser,
      'userRecord.actions.predeleted',
    );
  }

  restore(): Promise<boolean> {
    return this.command(
      RECORD_ACTION.restore,
      (userId) => this.apollo.mutate({ mutation: RESTORE_USER_MUTATION, variables: { userId } }),
      (data) => data.restoreUser,
      'userRecord.actions.restored',
    );
  }

  attachToClass(schoolClass: { readonly id: string; readonly name: string }): Promise<boolean> {
    return this.command(
      RECORD_ACTION.attachToClass,
      (userId) => this.apollo.mutate({ mutation: ATTACH_TO_CLASS_MUTATION, variables: { userId, classId: schoolClass.id } }),
      (data) => data.attachToClass,
      'userRecord.classes.added',
      { name: schoolClass.name },
    );
  }

  detachFromClass(schoolClass: { readonly id: string; readonly name: string }): Promise<boolean> {
    return this.command(
      RECORD_ACTION.detachFromClass,
      (userId) => this.apollo.mutate({ mutation: DETACH_FROM_CLASS_MUTATION, variables: { userId, classId: schoolClass.id } }),
      (data) => data.detachFromClass,
      'userRecord.classes.removed',
      { name: schoolClass.name },
    );
  }

  /** A parent (relative) for the pupil shown. */
  addRelative(relative: { readonly id: string; readonly displayName: string }): Promise<boolean> {
    return this.command(
      RECORD_ACTION.addRelative,
      (studentId) => this.apollo.mutate({ mutation: ADD_RELATIVE_MUTATION, variables: { studentId, relativeId: relative.id } }),
      (data) => data.addRelative,
      'userRecord.relatives.added',
      { name: relative.displayName },
    );
  }

  removeRelative(relative: { readonly id: string; readonly displayName: string }): Promise<boolean> {
    return this.command(
      RECORD_ACTION.removeRelative,
      (studentId) => this.apollo.mutate({ mutation: REMOVE_RELATIVE_MUTATION, variables: { studentId, relativeId: relative.id } }),
      (data) => data.removeRelative,
      'userRecord.relatives.removed',
      { name: relative.displayName },
    );
  }

  grantFunction(fn: AdminFunction, structureId: string | null): Promise<boolean> {
    return this.command(
      RECORD_ACTION.grantFunction,
      (userId) => this.apollo.mutate({ mutation: GRANT_ADMIN_FUNCTION_MUTATION, variables: { userId, function: fn, structureId } }),
      (data) => data.grantAdminFunction,
      'userRecord.functions.granted',
    );
  }

  revokeFunction(fn: AdminFunction, structureId: string | null): Promise<boolean> {
    return this.command(
      RECORD_ACTION.revokeFunction,
      (userId) => this.apollo.mutate({ mutation: REVOKE_ADMIN_FUNCTION_MUTATION, variables: { userId, function: fn, structureId } }),
      (data) => data.revokeAdminFunction,
      'userRecord.functions.revoked',
    );
  }

  /** A command on the record shown: nothing without one, nor while another action runs (the
   * request is not even built, so nothing reaches the server). */
  private command<TData>(
    key: string,
    request: (userId: string) => Observable<{ data?: TData | null }>,
    pick: (data: TData) => UserRecord | null | undefined,
    successKey: string,
    successParams?: Record<string, unknown>,
  ): Promise<boolean> {
    const user = this.user();
    return user && !this.pending() ? this.run(key, request(user.id), pick, successKey, successParams) : Promise.resolve(false);
  }

  /**
   * Runs one action of the record. On success the record becomes the server's answer and
   * `successKey` (translated) is announced in the section; on failure the server's message stays
   * next to the action. Resolves to whether it worked.
   */
  private async run<TData>(
    key: string,
    request: Observable<{ data?: TData | null }>,
    pick: (data: TData) => UserRecord | null | undefined,
    successKey?: string,
    successParams?: Record<string, unknown>,
  ): Promise<boolean> {
    if (this.pending()) {
      return false;
    }
    const section = key.split(':')[0];
    this.pending.set(key);
    this.clearFeedback();
    try {
      const result = await firstValueFrom(request);
      const user = result.data ? pick(result.data) : null;
      if (!user) {
        throw new Error(`${key}: empty answer`);
      }
      this.state.set({ kind: 'loaded', user });
      this.revision.update((value) => value + 1);
      if (successKey) {
        this.success.set({ key, section, message: this.transloco.translate(successKey, successParams ?? {}) });
      }
      return true;
    } catch (error: unknown) {
      this.failure.set({ key, section, error: this.userErrors.describe(error) });
      return false;
    } finally {
      this.pending.set(null);
    }
  }

  /** The error of this action (exact key), or null. */
  errorOf(key: string): UserError | null {
    const failure = this.failure();
    return failure?.key === key ? failure.error : null;
  }

  /** The success message of the last action of this section, or ''. */
  successIn(section: string): string {
    const success = this.success();
    return success?.section === section ? success.message : '';
  }

  isPending(key: string): boolean {
    return this.pending() === key;
  }

  clearFeedback(): void {
    this.failure.set(null);
    this.success.set(null);
  }

  clearError(key: string): void {
    if (this.failure()?.key === key) {
      this.failure.set(null);
    }
  }
}
