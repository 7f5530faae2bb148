/**
 * QR code encoder for what Préau prints: one byte-mode segment, error correction level M, mask
 * pattern 2 (ISO/IEC 18004). Written for speed, because a 40,000-card job encodes 40,000 codes in
 * the API server: everything that depends only on the version (function patterns, format and
 * version bits, the order in which data bits fill the symbol) is computed once per version and
 * kept, so encoding a code is a Reed–Solomon pass and one write per module: 13 µs in a tight loop
 * against 32 µs for the `qrcode` package with its mask fixed too, and 0.03 ms against 0.13 ms inside
 * a printing job (docs/performance.md). qr-encoder.spec.ts checks it module for module against
 * `qrcode` over versions 1 to 40.
 */

/** Error-correction codewords per block, level M, by version (index 0 unused). */
const EC_PER_BLOCK = [
  0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  28, 28, 28,
];
/** Blocks, level M, by version (index 0 unused). */
const BLOCKS = [
  0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
];
/** Level M's two format bits (L 01, M 00, Q 11, H 10). */
const LEVEL_M = 0b00;
export const MASK_PATTERN = 2;
const MAX_VERSION = 40;

// ---- GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1 ----
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x11d;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;

/** Coefficients of ∏(x − α^i), i < degree, highest power first without its leading 1. */
function generatorPolynomial(degree: number): Uint8Array {
  const poly = new Uint8Array(degree);
  poly[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      poly[j] = multiply(poly[j]!, root) ^ (j + 1 < degree ? poly[j + 1]! : 0);
    }
    root = multiply(root, 2);
  }
  return poly;
}

function multiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!;
}

/** The remainder of data(x)·x^degree divided by the generator: the block's EC codewords. */
function reedSolomon(data: Uint8Array, start: number, length: number, generator: Uint8Array, out: Uint8Array): void {
  const degree = generator.length;
  out.fill(0, 0, degree);
  for (let i = start; i < start + length; i++) {
    const factor = data[i]! ^ out[0]!;
    out.copyWithin(0, 1, degree);
    out[degree - 1] = 0;
    if (factor === 0) continue;
    const logFactor = LOG[factor]!;
    for (let j = 0; j < degree; j++) {
      const g = generator[j]!;
      if (g !== 0) out[j] ^= EXP[LOG[g]! + logFactor]!;
    }
  }
}

// ---- What depends on the version only ----
interface VersionLayout {
  version: number;
  size: number;
  /** Function patterns, format and version bits drawn (1 = dark); data modules left at 0. */
  template: Uint8Array;
  /** Index (row × size + column) of each data bit's module, in placement order. */
  dataModules: Int32Array;
  /** Whether mask 2 flips that bit (column divisible by 3), in the same order. */
  masked: Uint8Array;
  dataCodewords: number;
  generator: Uint8Array;
}

/** Codewords the symbol holds, data and error correction together (ISO/IEC 18004 table 1). */
function totalCodewords(version: number): number {
  let modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const aligns = Math.floor(version / 7) + 2;
    modules -= (25 * aligns - 10) * aligns - 55;
    if (version >= 7) modules -= 36;
  }
  return Math.floor(modules / 8);
}

function dataCodewordsOf(version: number): number {
  return totalCodewords(version) - EC_PER_BLOCK[version]! * BLOCKS[version]!;
}

function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const positions = [6];
  for (let position = version * 4 + 10; positions.length < count; position -= step) positions.splice(1, 0, position);
  return positions;
}

/** The 15 format bits (level and mask, BCH-protected, XOR-masked). */
function formatBits(mask: number): number {
  const data = (LEVEL_M << 3) | mask;
  let remainder = data;
  for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
  return ((data << 10) | remainder) ^ 0x5412;
}

/** The 18 version bits (versions 7 and up). */
function versionBits(version: number): number {
  let remainder = version;
  for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
  return (version << 12) | remainder;
}

function buildLayout(version: number): VersionLayout {
  const size = version * 4 + 17;
  const template = new Uint8Array(size * size);
  const reserved = new Uint8Array(size * size);
  const set = (column: number, row: number, dark: boolean) => {
    template[row * size + column] = dark ? 1 : 0;
    reserved[row * size + column] = 1;
  };

  // Timing patterns, then finders with their separators over them.
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || x >= size || y < 0 || y >= size) continue;
        const ring = Math.max(Math.abs(dx), Math.abs(dy));
        set(x, y, ring !== 2 && ring !== 4);
      }
    }
  }
  // Alignment patterns, except where they would overlap the finders.
  const aligns = alignmentPositions(version);
  const last = aligns.length - 1;
  aligns.forEach((cy, i) =>
    aligns.forEach((cx, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }),
  );
  // Format bits, twice, and the dark module.
  const format = formatBits(MASK_PATTERN);
  const bit = (value: number, i: number) => ((value >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i++) set(8, i, bit(format, i));
  set(8, 7, bit(format, 6));
  set(8, 8, bit(format, 7));
  set(7, 8, bit(format, 8));
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(format, i));
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(format, i));
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(format, i));
  set(8, size - 8, true);
  // Version bits, twice.
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, bit(bits, i));
      set(b, a, bit(bits, i));
    }
  }

  // Data bits go up and down two-column strips from the right, skipping the vertical timing column.
  const order: number[] = [];
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let step = 0; step < size; step++) {
      const y = upward ? size - 1 - step : step;
      for (let k = 0; k < 2; k++) {
        const x = right - k;
        if (!reserved[y * size + x]) order.push(y * size + x);
      }
    }
  }
  const dataModules = Int32Array.from(order);
  const masked = Uint8Array.from(order, (index) => ((index % size) % 3 === 0 ? 1 : 0));
  return { version, size, template, dataModules, masked, dataCodewords: dataCodewordsOf(version), generator: generatorPolynomial(EC_PER_BLOCK[version]!) };
}

const layouts: (VersionLayout | undefined)[] = [];
const layoutOf = (version: number) => (layouts[version] ??= buildLayout(version));

/** Width of a byte segment's character count: 8 bits up to version 9, 16 after. */
function countBits(version: number): number {
  return version <= 9 ? 8 : 16;
}

/** Bits of a byte segment: mode, character count, the bytes. */
function segmentBits(version: number, length: number): number {
  return 4 + countBits(version) + 8 * length;
}

function smallestVersionFor(length: number): number {
  for (let version = 1; version <= MAX_VERSION; version++) {
    if (segmentBits(version, length) <= dataCodewordsOf(version) * 8) return version;
  }
  throw new RangeError(`Texte trop long pour un QR code (${length} octets).`);
}

/** The data codewords: segment, terminator, padding to the byte, then 0xEC 0x11 filler. */
function dataCodewords(bytes: Uint8Array, layout: VersionLayout): Uint8Array {
  const out = new Uint8Array(layout.dataCodewords);
  let bitLength = 0;
  const append = (value: number, bits: number) => {
    for (let i = bits - 1; i >= 0; i--, bitLength++) if ((value >>> i) & 1) out[bitLength >>> 3] |= 0x80 >>> (bitLength & 7);
  };
  append(0b0100, 4);
  append(bytes.length, countBits(layout.version));
  for (const byte of bytes) append(byte, 8);
  // The terminator (up to 4 zero bits) and the padding to the byte are zeros, already there.
  const used = Math.min(out.length * 8, bitLength + 4);
  for (let i = (used + 7) >>> 3, filler = 0xec; i < out.length; i++, filler ^= 0xec ^ 0x11) out[i] = filler;
  return out;
}

/** Data and EC codewords, interleaved block by block as the symbol stores them. */
function interleaved(data: Uint8Array, layout: VersionLayout): Uint8Array {
  const blocks = BLOCKS[layout.version]!;
  const ecLength = layout.generator.length;
  const total = layout.dataCodewords + ecLength * blocks;
  const shortBlocks = blocks - (total % blocks);
  const shortData = Math.floor(total / blocks) - ecLength;
  const out = new Uint8Array(total);
  const ec = new Uint8Array(ecLength);
  let start = 0;
  for (let block = 0; block < blocks; block++) {
    const length = shortData + (block < shortBlocks ? 0 : 1);
    // Data codeword i of this block goes to i * blocks + block, except the long blocks' last one,
    // which follows every short block's data.
    for (let i = 0; i < length; i++) {
      const at = i < shortData ? i * blocks + block : shortData * blocks + (block - shortBlocks);
      out[at] = data[start + i]!;
    }
    reedSolomon(data, start, length, layout.generator, ec);
    for (let i = 0; i < ecLength; i++) out[layout.dataCodewords + i * blocks + block] = ec[i]!;
    start += length;
  }
  return out;
}

/** The symbol's modules, row by row (1 = dark), `size` × `size`, quiet zone not included. */
export function encodeQr(bytes: Uint8Array): { size: number; modules: Uint8Array } {
  const layout = layoutOf(smallestVersionFor(bytes.length));
  const codewords = interleaved(dataCodewords(bytes, layout), layout);
  const modules = layout.template.slice();
  const { dataModules, masked } = layout;
  // Remainder bits (past the last codeword) stay light before masking, like the rest.
  for (let i = 0; i < dataModules.length; i++) {
    const dark = i >>> 3 < codewords.length ? (codewords[i >>> 3]! >>> (7 - (i & 7))) & 1 : 0;
    modules[dataModules[i]!] = dark ^ masked[i]!;
  }
  return { size: layout.size, modules };
}
