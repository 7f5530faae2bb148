import { type RunHelpers, TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { searchAsYouType } from './search-as-you-type';

const BURST_MS = 150;

/** Runs `typed` (marbles of texts, in virtual time) through the policy against a server whose answer
 * takes the `cold` marble below, and checks the answers' marbles and, for each search asked
 * (`searches`: its text, then the subscription's marbles), when it was asked and when it ended or
 * was cancelled. */
function typing(typed: string, texts: Record<string, string>, expectAnswers: string, answers: Record<string, string>, searches: string[]) {
  const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  scheduler.run(({ hot, cold, expectObservable, expectSubscriptions }) => {
    const asked: { text: string; answer: ReturnType<RunHelpers['cold']> }[] = [];
    const search = (text: string) => {
      const answer = cold('30ms (r|)', { r: `hits for ${text}` });
      asked.push({ text, answer });
      return answer;
    };
    expectObservable(hot(typed, texts).pipe(searchAsYouType(search, BURST_MS))).toBe(expectAnswers, answers);
    scheduler.flush();
    expect(asked.map(({ text }) => text)).toEqual(searches.map((line) => line.split(' ')[0]));
    for (const [i, line] of searches.entries()) {
      expectSubscriptions(asked[i].answer.subscriptions).toBe(line.slice(line.indexOf(' ') + 1));
    }
  });
}

describe('searchAsYouType', () => {
  it('searches a text typed after a pause at once', () => {
    typing('a', { a: 'dup' }, '30ms r', { r: 'hits for dup' }, ['dup ^ 29ms !']);
  });

  it('asks once for a burst of keys, once the typing pauses', () => {
    // d, after a pause, is searched at once; u, p and o come closer together than BURST_MS: one
    // search, BURST_MS after o.
    typing(
      'd 99ms u 99ms p 99ms o',
      { d: 'd', u: 'du', p: 'dup', o: 'dupo' },
      '30ms a 449ms b',
      { a: 'hits for d', b: 'hits for dupo' },
      ['d ^ 29ms !', 'dupo 450ms ^ 29ms !'],
    );
  });

  it('searches each key of slow typing at once', () => {
    typing(
      'd 199ms u 199ms p',
      { d: 'd', u: 'du', p: 'dup' },
      '30ms a 199ms b 199ms c',
      { a: 'hits for d', b: 'hits for du', c: 'hits for dup' },
      ['d ^ 29ms !', 'du 200ms ^ 29ms !', 'dup 400ms ^ 29ms !'],
    );
  });

  it('cancels the search still running as soon as the text changes, even inside a burst', () => {
    // du comes inside the burst: the search for d is dropped then, not when du is asked BURST_MS later.
    typing('d 19ms u', { d: 'd', u: 'du' }, '200ms b', { b: 'hits for du' }, ['d ^ 19ms !', 'du 170ms ^ 29ms !']);
  });

  it('cancels a search still running when a text comes after a pause', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const slow = cold('300ms (r|)', { r: 'hits for d' });
      const fast = cold('30ms (r|)', { r: 'hits for du' });
      const search = (text: string) => (text === 'd' ? slow : fast);
      expectObservable(hot('d 199ms u', { d: 'd', u: 'du' }).pipe(searchAsYouType(search, BURST_MS))).toBe('230ms b', { b: 'hits for du' });
      scheduler.flush();
      expectSubscriptions(slow.subscriptions).toBe('^ 199ms !');
      expectSubscriptions(fast.subscriptions).toBe('200ms ^ 29ms !');
    });
  });

  it('asks nothing again for the same text (a space added at the end, once trimmed)', () => {
    typing('d 199ms e', { d: 'dup', e: 'dup' }, '30ms r', { r: 'hits for dup' }, ['dup ^ 29ms !']);
  });
});
