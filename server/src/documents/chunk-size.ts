/**
 * A mid-size job is cut into about this many chunks, so that its progress (reported once per
 * merged chunk) moves every second or two instead of jumping a few times: 1,250 pages of cards in
 * 200-page chunks reported 7 times over ~20 s.
 */
export const TARGET_CHUNKS = 20;

/**
 * Never smaller than this, whatever the job: each Chromium call has a fixed cost (loading the
 * document, emptying the tab, fonts embedded again in every chunk), and a job this short finishes
 * in a second or two anyway, in one piece: the one-chunk fast path returns Chromium's PDF as is.
 */
export const MIN_PAGES_PER_CHUNK = 50;

/**
 * Pages per Chromium call for a job of `pages` pages: `maxPages` for long jobs, down to
 * MIN_PAGES_PER_CHUNK for shorter ones, evened out (rounded up) so that no chunk is a small remainder.
 */
export function pagesPerChunk(pages: number, maxPages: number): number {
  const wanted = Math.max(MIN_PAGES_PER_CHUNK, Math.ceil(pages / TARGET_CHUNKS));
  if (wanted >= maxPages) return maxPages;
  return Math.max(1, Math.min(maxPages, Math.ceil(pages / Math.max(1, Math.floor(pages / wanted)))));
}
