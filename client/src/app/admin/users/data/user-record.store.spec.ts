// Libraries' partially compiled injectables (Apollo) are compiled on first use in a test.
import '@angular/compiler';
import { Injector, runInInjectionContext } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import type { UserRecord } from './user-record.fragment';
import { RECORD_ACTION, UserRecordStore } from './user-record.store';

const record = (id: string, alias: string | null) => ({ id, alias, displayName: 'DUPONT Jean' }) as unknown as UserRecord;

/** An Apollo whose answers the test gives, one request at a time, recording what was asked. */
function fakeServer() {
  const asked: { operation: string; variables: Record<string, unknown>; answer: Subject<unknown> }[] = [];
  const request = (document: { definitions: { name?: { value: string } }[] }, variables: Record<string, unknown>) => {
    const answer = new Subject<unknown>();
    asked.push({ operation: document.definitions[0].name?.value ?? '', variables, answer });
    return answer;
  };
  const apollo = {
    query: ({ query, variables }: { query: never; variables: Record<string, unknown> }) => request(query, variables),
    mutate: ({ mutation, variables }: { mutation: never; variables: Record<string, unknown> }) => request(mutation, variables),
  };
  const injector = Injector.create({
    providers: [
      { provide: Apollo, useValue: apollo },
      { provide: TranslocoService, useValue: { translate: (key: string, params: object) => `${key} ${JSON.stringify(params)}` } },
      { provide: UserErrorMessageService, useValue: { describe: (error: Error) => ({ message: error.message, code: 'X', fields: {} }) } },
    ],
  });
  const store = runInInjectionContext(injector, () => new UserRecordStore());
  return {
    store,
    asked,
    answer(index: number, data: unknown) {
      asked[index].answer.next({ data });
      asked[index].answer.complete();
    },
    fail(index: number, message: string) {
      asked[index].answer.error(new Error(message));
    },
  };
}

async function loaded() {
  const server = fakeServer();
  server.store.load('u1');
  server.answer(0, { user: record('u1', null) });
  return server;
}

describe('UserRecordStore commands', () => {
  it('send the mutation for the record shown and show the record the server answers with', async () => {
    const server = await loaded();
    const done = server.store.setAlias('jdupont');
    expect(server.store.isPending(RECORD_ACTION.alias)).toBe(true);
    expect(server.asked[1]).toMatchObject({ operation: 'SetLoginAlias', variables: { userId: 'u1', alias: 'jdupont' } });
    server.answer(1, { setLoginAlias: record('u1', 'jdupont') });
    expect(await done).toBe(true);
    expect(server.store.user()?.alias).toBe('jdupont');
    expect(server.store.revision()).toBe(1);
    expect(server.store.successIn('connection')).toBe('userRecord.connection.aliasSaved {"alias":"jdupont"}');
    expect(server.store.isPending(RECORD_ACTION.alias)).toBe(false);
  });

  it('name each command after the action the sections know, with its own variables', async () => {
    const server = await loaded();
    void server.store.attachToClass({ id: 'c1', name: 'CE1 B' });
    server.answer(1, { attachToClass: record('u1', null) });
    await Promise.resolve();
    void server.store.revokeFunction('SCHOOL_ADMIN', 's1');
    expect(server.asked.slice(1).map(({ operation, variables }) => ({ operation, variables }))).toEqual([
      { operation: 'AttachToClass', variables: { userId: 'u1', classId: 'c1' } },
      { operation: 'RevokeAdminFunction', variables: { userId: 'u1', function: 'SCHOOL_ADMIN', structureId: 's1' } },
    ]);
  });

  it('run one at a time: a second command while one is on its way is refused and asks nothing', async () => {
    const server = await loaded();
    const first = server.store.unblock();
    expect(await server.store.predelete()).toBe(false);
    expect(server.asked).toHaveLength(2);
    server.answer(1, { unblockUser: record('u1', null) });
    expect(await first).toBe(true);
  });

  it('keep the failure next to the action that failed and leave the record as it was', async () => {
    const server = await loaded();
    const done = server.store.block(null, 'Propos déplacés');
    server.fail(1, 'Refusé');
    expect(await done).toBe(false);
    expect(server.store.errorOf(RECORD_ACTION.block)?.message).toBe('Refusé');
    expect(server.store.errorOf(RECORD_ACTION.unblock)).toBeNull();
    expect(server.store.user()?.id).toBe('u1');
    expect(server.store.revision()).toBe(0);
  });

  it('do nothing without a record shown', async () => {
    const server = fakeServer();
    expect(await server.store.restore()).toBe(false);
    expect(server.asked).toEqual([]);
  });
});
