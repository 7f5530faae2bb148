// Libraries' partially compiled injectables (Apollo) are compiled on first use in a test.
import '@angular/compiler';
import { Injector, runInInjectionContext, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { type Observable, Subject, of, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { AuthService } from '../../../core/auth/auth.service';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import type { TimelineItem } from './timeline.operations';
import { type TimelineChange, TimelineStore } from './timeline.store';

const item = (id: string, createdAt: string): TimelineItem => ({
  id,
  title: `Titre ${id}`,
  body: null,
  link: null,
  author: null,
  audience: 'CE1 B',
  createdAt,
  reportedByMe: false,
  reportId: null,
  reportNotice: null,
});

/** An Apollo whose answers the test gives: the timeline pages, the live feed, the mutation. */
function fakeServer(options: { reportAnswer?: () => Observable<unknown> } = {}) {
  const pages: Subject<unknown>[] = [];
  const live = new Subject<unknown>();
  const apollo = {
    query: () => {
      const answer = new Subject<unknown>();
      pages.push(answer);
      return answer;
    },
    subscribe: ({ query }: { query: { definitions: { name?: { value: string } }[] } }) =>
      query.definitions[0].name?.value === 'TimelineChanged' ? live : new Subject<unknown>(),
    mutate: () => (options.reportAnswer ?? (() => of({ data: { reportNotification: { reportId: 'r', reportedAt: '' } } })))(),
  };
  const injector = Injector.create({
    providers: [
      { provide: Apollo, useValue: apollo },
      { provide: AuthService, useValue: { currentUser: signal({ functions: [] }) } },
      {
        provide: UserErrorMessageService,
        useValue: { describe: (error: { code?: string }) => ({ message: 'refusé', code: error.code ?? 'X', fields: {} }) },
      },
    ],
  });
  const store = runInInjectionContext(injector, () => new TimelineStore());
  const changes: TimelineChange[] = [];
  store.changes.subscribe((change) => changes.push(change));
  return {
    store,
    changes,
    injector,
    answerPage(index: number, items: TimelineItem[], hasNextPage: boolean) {
      pages[index].next({ data: { timeline: { items, hasNextPage, endCursor: hasNextPage ? 'next' : null } } });
      pages[index].complete();
    },
    push(change: 'ADDED' | 'REMOVED', notificationId: string, added: TimelineItem | null = null) {
      live.next({ data: { timelineChanged: { change, notificationId, item: added } } });
    },
  };
}

const ids = (items: readonly TimelineItem[] | null) => items?.map((i) => i.id);

describe('TimelineStore', () => {
  it('puts a live item in its place once, tells the page, and never repeats it on « Voir plus »', async () => {
    const server = fakeServer();
    server.answerPage(0, [item('b', '2026-12-02'), item('a', '2026-12-01')], true);
    await server.store.ready;
    server.push('ADDED', 'c', item('c', '2026-12-03'));
    server.push('ADDED', 'c', item('c', '2026-12-03'));
    expect(ids(server.store.items())).toEqual(['c', 'b', 'a']);
    expect(server.changes).toEqual([{ kind: 'added', item: item('c', '2026-12-03') }]);
    const more = server.store.loadMore();
    server.answerPage(1, [item('c', '2026-12-03'), item('z', '2026-11-30')], false);
    expect(ids(await more)).toEqual(['z']);
    expect(ids(server.store.items())).toEqual(['c', 'b', 'a', 'z']);
  });

  it('keeps the live events heard before the first page and applies them once it has answered', async () => {
    const server = fakeServer();
    server.push('ADDED', 'c', item('c', '2026-12-03'));
    server.push('REMOVED', 'a');
    expect(server.store.items()).toBeNull();
    server.answerPage(0, [item('b', '2026-12-02'), item('a', '2026-12-01')], false);
    await server.store.ready;
    expect(ids(server.store.items())).toEqual(['c', 'b']);
    expect(server.changes.map((change) => change.kind)).toEqual(['added', 'removed']);
  });

  it('takes out a removed item and says nothing of one it never showed', async () => {
    const server = fakeServer();
    server.answerPage(0, [item('b', '2026-12-02'), item('a', '2026-12-01')], false);
    await server.store.ready;
    server.push('REMOVED', 'zz');
    server.push('REMOVED', 'b');
    server.push('REMOVED', 'b');
    expect(ids(server.store.items())).toEqual(['a']);
    expect(server.changes).toEqual([{ kind: 'removed', id: 'b' }]);
  });

  it('« Signaler » marks the item reported, also when the server says it already was, and rejects then', async () => {
    const server = fakeServer();
    server.answerPage(0, [item('b', '2026-12-02'), item('a', '2026-12-01')], false);
    await server.store.ready;
    await server.store.report('b');
    expect(server.store.items()?.map((i) => i.reportedByMe)).toEqual([true, false]);

    const refused = fakeServer({ reportAnswer: () => throwError(() => ({ code: 'ALREADY_REPORTED' })) });
    refused.answerPage(0, [item('a', '2026-12-01')], false);
    await refused.store.ready;
    await expect(refused.store.report('a')).rejects.toEqual({ code: 'ALREADY_REPORTED' });
    expect(refused.store.items()?.[0].reportedByMe).toBe(true);

    const failing = fakeServer({ reportAnswer: () => throwError(() => ({ code: 'NETWORK' })) });
    failing.answerPage(0, [item('a', '2026-12-01')], false);
    await failing.store.ready;
    await expect(failing.store.report('a')).rejects.toEqual({ code: 'NETWORK' });
    expect(failing.store.items()?.[0].reportedByMe).toBe(false);
  });
});
