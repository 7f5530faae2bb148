import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { MAX_FILE_ROWS, refuse } from './import-refusals';

export type Separator = ';' | ',' | '\t';

export interface CsvRecord {
  /** Line number in the file (1 = the header), as a spreadsheet shows it. */
  line: number;
  cells: string[];
}

/** The separator the first line uses most, outside quotes (`;` from ONDE, `,` or tab once re-saved). */
export function sniffSeparator(firstLine: string): Separator {
  const counts: Record<Separator, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as Separator] += 1;
  }
  return (Object.keys(counts) as Separator[]).reduce((best, next) => (counts[next] > counts[best] ? next : best), ';');
}

/** Reads the beginning of a text stream without consuming it for the parser. */
async function peekFirstLine(text: Readable): Promise<{ firstLine: string; lineEnding: 'CRLF' | 'LF'; head: string }> {
  let head = '';
  for await (const chunk of text) {
    head += chunk as string;
    if (/\r?\n/.test(head) || head.length > 64 * 1024) break;
  }
  const end = head.search(/\r?\n/);
  const firstLine = end < 0 ? head : head.slice(0, end);
  return { firstLine, lineEnding: end >= 0 && head[end] === '\r' ? 'CRLF' : 'LF', head };
}

export interface CsvStream {
  separator: Separator;
  lineEnding: 'CRLF' | 'LF';
  records: AsyncIterable<CsvRecord>;
}

/**
 * The records of a CSV text, streamed through csv-parse: separator sniffed, quotes optional and
 * tolerated where ONDE misplaces them, rows of any length (the guardians' file repeats a block per
 * child), blank lines skipped. More than MAX_FILE_ROWS data rows is refused.
 */
export async function csvRecords(open: () => Readable, fileName: string): Promise<CsvStream> {
  const peek = open();
  const { firstLine, lineEnding } = await peekFirstLine(peek);
  peek.destroy();
  const separator = sniffSeparator(firstLine);
  // Seen as the parser reads, not as records are consumed: a failed stream drops the records it still held.
  let lastLine = 0;
  const parser = open().pipe(
    parse({
      delimiter: separator,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    }),
  );
  async function* records(): AsyncGenerator<CsvRecord> {
    let count = 0;
    try {
      for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        count += 1;
        if (count > MAX_FILE_ROWS + 1) throw refuse.tooManyRows(fileName);
        yield { line: item.info.lines, cells: item.record };
      }
    } catch (error) {
      if (error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('CSV_')) {
        const { code, lines } = error as { code: string; lines?: unknown };
        if (code === 'CSV_QUOTE_NOT_CLOSED') throw refuse.unclosedQuote(fileName, lastLine);
        throw refuse.unreadable(fileName, typeof lines === 'number' && lines > 0 ? lines : null);
      }
      throw error;
    } finally {
      parser.destroy();
    }
  }
  return { separator, lineEnding, records: records() };
}
