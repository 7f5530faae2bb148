import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether a command is on the PATH (poppler-utils and zbar-tools may be missing: tests then skip). */
export function hasTool(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Text of a PDF page by page (pdftotext), non-breaking spaces made plain. `layout` keeps the page's
 * columns; `raw` keeps the drawing order (a card's lines together) and collapses white space.
 */
export function pdfPages(pdf: Uint8Array, mode: 'layout' | 'raw' = 'layout'): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'preau-pdf-'));
  try {
    writeFileSync(join(dir, 'file.pdf'), pdf);
    const text = execFileSync('pdftotext', [`-${mode}`, join(dir, 'file.pdf'), '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
    const pages = text.split('\f').slice(0, -1);
    return mode === 'raw' ? pages.map((page) => page.replace(/\s+/g, ' ')) : pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
