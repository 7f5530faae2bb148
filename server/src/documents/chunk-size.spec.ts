import { describe, expect, it } from 'vitest';
import { MIN_PAGES_PER_CHUNK, pagesPerChunk, TARGET_CHUNKS } from './chunk-size';

describe('pagesPerChunk', () => {
  it('should keep short jobs in one chunk', () => {
    expect(pagesPerChunk(5, 200)).toBe(5);
    expect(pagesPerChunk(MIN_PAGES_PER_CHUNK, 200)).toBe(MIN_PAGES_PER_CHUNK);
    // Just over the minimum: one chunk rather than a full one and a crumb.
    expect(pagesPerChunk(MIN_PAGES_PER_CHUNK + 2, 200)).toBe(MIN_PAGES_PER_CHUNK + 2);
  });

  it('should cut mid-size jobs into about TARGET_CHUNKS even chunks', () => {
    // Mid-size: more than one chunk's worth of minimum chunks, fewer than TARGET_CHUNKS full ones.
    for (const pages of [500, 1000, 1250, 1500, 1590]) {
      const size = pagesPerChunk(pages, 200);
      const chunks = Math.ceil(pages / size);
      expect(chunks).toBeGreaterThanOrEqual(TARGET_CHUNKS - 2);
      expect(chunks).toBeLessThanOrEqual(TARGET_CHUNKS);
      expect(pages - (chunks - 1) * size).toBeGreaterThan(size - chunks); // the last one nearly full
    }
    // 1,100 pages: 7 even chunks of 158 pages (the last 152).
    expect(pagesPerChunk(1100, 200)).toBe(158);
  });

  it('should never exceed the maximum, even below the minimum', () => {
    expect(pagesPerChunk(40000, 200)).toBe(200);
    expect(pagesPerChunk(5000, 200)).toBe(200);
    expect(pagesPerChunk(37, 2)).toBe(2);
    expect(pagesPerChunk(3, 1)).toBe(1);
    expect(pagesPerChunk(0, 200)).toBe(1);
  });
});
