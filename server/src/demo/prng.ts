/**
 * Seeded pseudo-random numbers for the demo data: the same seed gives the same département, the same
 * logins and the same activation codes on every machine. Never use this for real secrets.
 *
 * `mulberry32` turns a 32-bit seed into a stream; `Random` runs sfc32 (128-bit state, period ≥ 2^32
 * and far more in practice) seeded through mulberry32, so streams seeded from different labels do not
 * slide into each other the way two 32-bit Weyl states can.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** FNV-1a of a label, to derive independent streams (`plan`, `people`, …) from one seed. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const TWO_POW_32 = 4294967296;

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, label = '') {
    const init = mulberry32((seed ^ hashLabel(label)) >>> 0);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    // Warm up: the first outputs of sfc32 still show their seed.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator). */
  uint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) >>> 0) + d) >>> 0;
    this.d = (d + 1) >>> 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) >>> 0;
    this.c = ((c << 21) | (c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Like `pick`, but the first items come up more often (skew > 1): common names first. */
  pickSkewed<T>(items: readonly T[], skew = 1.5): T {
    return items[Math.floor(Math.pow(this.next(), skew) * items.length)];
  }

  /** An item of `choices` with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let r = this.next() * total;
    for (const [value, weight] of choices) {
      r -= weight;
      if (r < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** `generateCode`'s random source: an integer in [0, max). */
  readonly below = (max: number): number => this.int(max);
}

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return HEX[(value >>> 24) & 255] + HEX[(value >>> 16) & 255] + HEX[(value >>> 8) & 255] + HEX[value & 255];
}

/**
 * A UUID in the version-7 layout, unique by construction within one generation: its 48-bit time field
 * is `epochMs + sequence` (as if one id were made per millisecond from `epochMs`), the other 74 bits
 * come from the PRNG. Increasing ids keep the B-tree inserts of primary keys and of the (user, …)
 * membership keys at the right edge of the index, which makes a million-account COPY much faster.
 */
export function sequentialUuid(random: Random, sequence: number, epochMs = 0): string {
  const time = epochMs + sequence;
  const high = Math.floor(time / 65536);
  const low = time % 65536;
  const r1 = random.uint32();
  const r2 = random.uint32();
  const r3 = random.uint32();
  const p2 = hex32(r1);
  const p3 = hex32(r2);
  return (
    `${hex32(high)}-${HEX[low >>> 8]}${HEX[low & 255]}-7${p2.slice(1, 4)}-` +
    `${((parseInt(p2[4], 16) & 0x3) | 0x8).toString(16)}${p2.slice(5, 8)}-${p3}${hex32(r3).slice(0, 4)}`
  );
}
