import { PDFContext, PDFDocument, PDFName, type PDFObject, PDFObjectCopier, PDFRef } from 'pdf-lib';
import { PdfFileWriter } from './pdf-file-writer';

/**
 * pdf-lib yields to the event loop (a 1 ms timer) every this many objects while it parses, so
 * that the API server running the job keeps answering between slices of work. Its default (100)
 * mostly waits for timers.
 */
const OBJECTS_PER_TICK = 500;

/**
 * Pages copied and written between two turns of the event loop: copying and serialising a
 * 200-page chunk in one go blocked it for up to ~300 ms.
 */
const PAGES_PER_SLICE = 25;

/** Entries of the first chunk's catalog worth keeping: they do not depend on its pages. */
const CATALOG_KEPT = ['ViewerPreferences', 'Lang'].map((key) => PDFName.of(key));

/**
 * Appends Chromium's chunk PDFs, in order, into one document, written as it goes. Each chunk is
 * parsed, its pages copied (with what they use: fonts, images, content streams) into a throw-away
 * pdf-lib context numbered after the objects already written, and serialised right away: time
 * and memory per chunk stay the same however long the job (the old whole-document merge held every
 * page in pdf-lib until the end, and slowed down as the job grew: docs/performance.md). A job that
 * fits in one chunk and has nothing to draw never goes through pdf-lib: Chromium's file is returned
 * as it is.
 *
 * Page tree: one /Pages node per chunk (its ≤ 200 pages as kids) under a root /Pages written last,
 * whose number is reserved up front so that every chunk node can point at it.
 */
export class PdfMerger {
  private first?: Uint8Array;
  private writer?: PdfFileWriter;
  private root?: PDFRef;
  private info?: PDFRef;
  private readonly catalogEntries: [PDFName, PDFObject][] = [];
  private readonly chunkNodes: PDFRef[] = [];
  private pages = 0;

  /** Appends a chunk; `decorate` draws onto its pages first (the cards' QR codes). */
  async append(pdf: Uint8Array, decorate?: (chunk: PDFDocument) => void): Promise<void> {
    if (!this.first && !this.writer && !decorate) {
      this.first = pdf;
      return;
    }
    if (this.first) {
      const first = this.first;
      this.first = undefined;
      await this.write(first);
    }
    await this.write(pdf, decorate);
  }

  /**
   * The bytes written since the last drain (none while a single chunk is kept as it is): the
   * document can be stored as it grows instead of whole at the end.
   */
  drain(): Buffer {
    return this.writer?.drain() ?? Buffer.alloc(0);
  }

  /** The document, or its end if parts of it were drained. */
  async bytes(): Promise<Uint8Array> {
    if (this.first) return this.first;
    const { writer, root } = this;
    if (!writer || !root) throw new Error('Aucune page à assembler.');
    const context = PDFContext.create();
    writer.writeReserved(root, context.obj({ Type: 'Pages', Kids: this.chunkNodes, Count: this.pages }));
    const catalog = context.obj({ Type: 'Catalog', Pages: root });
    for (const [key, value] of this.catalogEntries) catalog.set(key, value);
    const catalogRef = PDFRef.of(writer.largestObjectNumber + 1);
    writer.write([[catalogRef, catalog]]);
    return writer.finish({ root: catalogRef, info: this.info });
  }

  private async write(pdf: Uint8Array, decorate?: (chunk: PDFDocument) => void): Promise<void> {
    // updateMetadata: false keeps Chromium's producer and title instead of rewriting them.
    const source = await PDFDocument.load(pdf, { parseSpeed: OBJECTS_PER_TICK, updateMetadata: false });
    decorate?.(source);
    const first = !this.writer;
    const writer = (this.writer ??= new PdfFileWriter(source.context.header));
    const root = (this.root ??= PDFRef.of(writer.reserve()));
    const node = PDFRef.of(writer.reserve());
    const context = PDFContext.create();
    context.largestObjectNumber = writer.largestObjectNumber;
    // One copier for the whole chunk: what its pages share (fonts, graphic states) is copied once.
    const copier = PDFObjectCopier.for(source.context, context);
    if (first) {
      const info = source.context.trailerInfo.Info;
      if (info instanceof PDFRef) this.info = copier.copy(info);
      for (const key of CATALOG_KEPT) {
        const value = source.catalog.get(key);
        if (value) this.catalogEntries.push([key, copier.copy(value)]);
      }
    }
    const pages = source.getPages();
    const kids: PDFRef[] = [];
    for (let start = 0; start < pages.length; start += PAGES_PER_SLICE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const page of pages.slice(start, start + PAGES_PER_SLICE)) {
        const copy = copier.copy(page.node);
        copy.set(PDFName.of('Parent'), node);
        kids.push(context.register(copy));
      }
      flush(context, writer);
    }
    writer.writeReserved(node, context.obj({ Type: 'Pages', Parent: root, Kids: kids, Count: kids.length }));
    this.chunkNodes.push(node);
    this.pages += kids.length;
  }
}

/**
 * Writes the objects copied since the last flush and lets them go: the copier still maps their
 * originals to the same numbers, so a font used again by a later page is referenced, not copied.
 */
function flush(context: PDFContext, writer: PdfFileWriter): void {
  const objects = context.enumerateIndirectObjects();
  writer.write(objects);
  for (const [ref] of objects) context.delete(ref);
}
