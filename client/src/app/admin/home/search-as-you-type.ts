import { type Observable, type OperatorFunction, type SchedulerLike, asyncScheduler, defer, distinctUntilChanged, switchMap, timer } from 'rxjs';

/**
 * How typing becomes searches in « Rechercher un utilisateur »: a text typed after a pause (no key
 * for `burstMs`) is searched at once; a key that follows the one before faster than that waits
 * until the typing pauses for `burstMs`, so a burst of typing asks once, not once per letter. Each
 * new text at once cancels what the old one was doing, waiting or searching (its answer would be
 * stale); a text equal to the one before (a space added at the end) changes nothing.
 */
export function searchAsYouType<R>(
  search: (text: string) => Observable<R>,
  burstMs: number,
  scheduler: SchedulerLike = asyncScheduler,
): OperatorFunction<string, R> {
  return (texts) =>
    defer(() => {
      let lastKeyAt = Number.NEGATIVE_INFINITY;
      return texts.pipe(
        distinctUntilChanged(),
        switchMap((text) => {
          const now = scheduler.now();
          const inBurst = now - lastKeyAt < burstMs;
          lastKeyAt = now;
          const asked = defer(() => search(text));
          return inBurst ? timer(burstMs, scheduler).pipe(switchMap(() => asked)) : asked;
        }),
      );
    });
}
