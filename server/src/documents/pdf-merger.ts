import { PDFDocument } from 'pdf-lib';

/**
 * pdf-lib yields to the event loop (a 1 ms timer) every this many objects while it parses and
 * writes: the print jobs run inside the API server, which must keep answering. pdf-lib's defaults
 * (100 and 50) spend more time waiting for timers than working on a 5,000-page merge.
 */
const OBJECTS_PER_TICK = 500;

/**
 * Appends Chromium's chunk PDFs, in order, into one document. The first chunk is kept as it is: a
 * job that fits in one chunk never goes through pdf-lib at all, and a longer one starts from the
 * first chunk's parsed document instead of copying it. Every later chunk is parsed once and its
 * pages copied with a single `copyPages` (fonts and resources shared by its pages copied once).
 */
export class PdfMerger {
  private first?: Uint8Array;
  private merged?: PDFDocument;

  constructor(private readonly options: { useObjectStreams?: boolean } = {}) {}

  async append(pdf: Uint8Array): Promise<void> {
    if (!this.first && !this.merged) {
      this.first = pdf;
      return;
    }
    if (!this.merged) {
      this.merged = await load(this.first!);
      this.first = undefined;
    }
    const source = await load(pdf);
    const copied = await this.merged.copyPages(source, source.getPageIndices());
    for (const page of copied) this.merged.addPage(page);
  }

  /** The whole document. Object streams off by default: measured faster to write, barely larger. */
  async bytes(): Promise<Uint8Array> {
    if (this.first) return this.first;
    if (!this.merged) throw new Error('Aucune page à assembler.');
    return this.merged.save({ useObjectStreams: this.options.useObjectStreams ?? false, objectsPerTick: OBJECTS_PER_TICK });
  }
}

function load(pdf: Uint8Array): Promise<PDFDocument> {
  // updateMetadata: false keeps Chromium's producer and title instead of rewriting them.
  return PDFDocument.load(pdf, { parseSpeed: OBJECTS_PER_TICK, updateMetadata: false });
}
