import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PdfMerger } from './pdf-merger';

/** A chunk as Chromium would send it: `pages` pages sharing one font, each `width` unique to spot order. */
async function chunk(firstWidth: number, pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle('Fiches de connexion');
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = document.addPage([firstWidth + i, 400]);
    page.drawText(`page ${firstWidth + i}`, { x: 10, y: 10, size: 12, font });
  }
  return document.save({ useObjectStreams: false });
}

/** Every in-use entry of the cross-reference table must point at its own "n 0 obj". */
function expectValidXref(pdf: Uint8Array): void {
  const text = Buffer.from(pdf).toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(start)) ?? [];
  expect(Number(first)).toBe(0);
  const table = start + text.slice(start).indexOf('\n', 5) + 1;
  for (let n = 1; n < Number(count); n++) {
    const entry = text.slice(table + 20 * n, table + 20 * n + 20);
    expect(entry).toMatch(/^\d{10} \d{5} [nf]\r\n$/);
    if (entry[17] === 'n') expect(text.slice(Number(entry.slice(0, 10))).startsWith(`${n} 0 obj\n`)).toBe(true);
  }
  expect(text).toMatch(new RegExp(`trailer\\n<</Size ${count}\\n/Root \\d+ 0 R`));
}

describe(PdfMerger.name, () => {
  it('should return a lone chunk as it is', async () => {
    const only = await chunk(100, 3);
    const merger = new PdfMerger();
    await merger.append(only);
    expect(await merger.bytes()).toBe(only);
  });

  it('should reject a job with no chunk', async () => {
    await expect(new PdfMerger().bytes()).rejects.toThrow(/Aucune page/);
  });

  it('should keep every page in order, under one node per chunk, in a valid file', async () => {
    const merger = new PdfMerger();
    const sizes = [3, 60, 1, 26];
    let width = 100;
    for (const pages of sizes) {
      await merger.append(await chunk(width, pages));
      width += pages;
    }
    const merged = await merger.bytes();
    expectValidXref(merged);

    const document = await PDFDocument.load(merged, { throwOnInvalidObject: true });
    const widths = document.getPages().map((page) => page.getWidth());
    expect(widths).toEqual(Array.from({ length: 90 }, (_, i) => 100 + i));
    expect(document.getTitle()).toBe('Fiches de connexion');
    const root = document.catalog.Pages();
    expect(root.Count().asNumber()).toBe(90);
    const nodes = root.Kids().asArray();
    expect(nodes).toHaveLength(sizes.length);
    const rootRef = document.catalog.get(PDFName.of('Pages'));
    nodes.forEach((ref, index) => {
      const node = document.context.lookup(ref, PDFDict);
      expect(node.get(PDFName.of('Type'))).toBe(PDFName.of('Pages'));
      expect(node.get(PDFName.of('Parent'))).toBe(rootRef);
      expect(node.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(sizes[index]);
      expect(node.lookup(PDFName.of('Kids'), PDFArray).size()).toBe(sizes[index]);
    });
  });

  it('should give, drained after each chunk then ended, the same bytes as the document merged whole', async () => {
    const chunks = [await chunk(100, 3), await chunk(103, 7), await chunk(110, 2)];
    const whole = new PdfMerger();
    for (const pdf of chunks) await whole.append(pdf);
    const expected = Buffer.from(await whole.bytes());

    const streamed = new PdfMerger();
    const parts: Buffer[] = [];
    for (const pdf of chunks) {
      await streamed.append(pdf);
      parts.push(streamed.drain());
    }
    parts.push(Buffer.from(await streamed.bytes()));
    expect(parts.filter((part) => part.length > 0).length).toBeGreaterThan(2);
    expect(Buffer.concat(parts).equals(expected)).toBe(true);
    expectValidXref(Buffer.concat(parts));
  });

  it("should copy what a chunk's pages share once per chunk", async () => {
    const merger = new PdfMerger();
    await merger.append(await chunk(100, 5));
    await merger.append(await chunk(105, 5));
    const text = Buffer.from(await merger.bytes()).toString('latin1');
    expect(text.match(/\/BaseFont \/Helvetica/g)).toHaveLength(2);
  });
});
