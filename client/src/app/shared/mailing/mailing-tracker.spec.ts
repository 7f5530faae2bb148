// Libraries' partially compiled injectables (Apollo) are compiled on first use in a test.
import '@angular/compiler';
import { DOCUMENT } from '@angular/common';
import { Injector, runInInjectionContext } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { Subject, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import { MailingTracker } from './mailing-tracker';
import type { MailingState } from './data/mailing.operations';

const state = (status: MailingState['status'], done: number, failed = 0): MailingState => ({
  id: 'm1',
  kind: 'EMAIL',
  layout: 'ONE_PER_PAGE',
  status,
  total: 3,
  done,
  sent: done - failed,
  failed,
  error: null,
  documentUrl: null,
});
const name = (document: { definitions: { name?: { value: string } }[] }) => document.definitions[0].name?.value;

/** An Apollo for one mailing: `createMailing` answers at once, the live progress is pushed by the
 * test, `mailing(id)` answers what the test set, failures come in pages of two. */
function fakeServer(created: MailingState) {
  const progress = new Subject<unknown>();
  let current: MailingState = created;
  const failurePages: (string | null)[] = [];
  const failures = [
    { userId: 'u1', displayName: 'A', login: 'a', email: 'a@x.fr', error: '550' },
    { userId: 'u2', displayName: 'B', login: 'b', email: 'b@x.fr', error: '550' },
    { userId: 'u3', displayName: 'C', login: 'c', email: 'c@x.fr', error: '552' },
  ];
  let creates = 0;
  const apollo = {
    mutate: () => {
      creates += 1;
      return of({ data: { createMailing: created } });
    },
    subscribe: () => progress,
    query: ({ query, variables }: { query: never; variables: { after?: string | null } }) => {
      if (name(query) === 'MailingFailures') {
        const after = variables.after ?? null;
        failurePages.push(after);
        const from = after ? Number(after) : 0;
        return of({ data: { mailing: { id: 'm1', recipients: { nodes: failures.slice(from, from + 2), endCursor: from + 2 < failures.length ? String(from + 2) : null } } } });
      }
      return of({ data: { mailing: current } });
    },
  };
  const injector = Injector.create({
    providers: [
      { provide: Apollo, useValue: apollo },
      { provide: DOCUMENT, useValue: {} },
      { provide: UserErrorMessageService, useValue: { describe: () => ({ message: 'refusé', code: 'X', fields: {} }) } },
    ],
  });
  const tracker = runInInjectionContext(injector, () => new MailingTracker({ autoDownload: false }));
  return {
    tracker,
    injector,
    failurePages,
    creates: () => creates,
    push: (mailing: MailingState) => progress.next({ data: { mailingProgress: mailing } }),
    setCurrent: (mailing: MailingState) => (current = mailing),
  };
}

describe('MailingTracker', () => {
  it('keeps the furthest state: progress never goes back, and a late « en cours » never reopens a finished mailing', async () => {
    const server = fakeServer(state('RUNNING', 0));
    await server.tracker.start({} as never);
    server.push(state('RUNNING', 2));
    server.push(state('RUNNING', 1));
    expect(server.tracker.mailing()?.done).toBe(2);
    server.push(state('DONE', 3));
    server.push(state('RUNNING', 2));
    expect(server.tracker.mailing()?.status).toBe('DONE');
    expect(server.tracker.finished()).toBe(true);
    expect(server.tracker.busy()).toBe(false);
    server.injector.destroy();
  });

  it('reads every failed e-mail, page after page, once an e-mail mailing is over', async () => {
    const server = fakeServer(state('RUNNING', 0));
    await server.tracker.start({} as never);
    server.push(state('DONE', 3, 3));
    // The pages answer at once (of()): the failures land within a few promise turns, no clock involved.
    for (let turn = 0; turn < 20 && server.tracker.failures() === null; turn++) await Promise.resolve();
    expect(server.failurePages).toEqual([null, '2']);
    expect(server.tracker.failures()?.map((failure) => failure.userId)).toEqual(['u1', 'u2', 'u3']);
    server.injector.destroy();
  });

  it('starts one mailing at a time: a second start while one runs asks nothing', async () => {
    const server = fakeServer(state('RUNNING', 0));
    await server.tracker.start({} as never);
    expect(await server.tracker.start({} as never)).toBeNull();
    expect(server.creates()).toBe(1);
    server.injector.destroy();
  });
});
