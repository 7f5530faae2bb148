import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventBus } from '../platform/pubsub/event-bus';
import { mailingSettled } from './mailing-settled';

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

/** What a test needs of a GraphQL client to print a mailing (test-server.ts's GraphQLTestClient). */
interface MailingClient {
  baseUrl: string;
  cookie: string | undefined;
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/**
 * « Générer en PDF » through the API: creates the mailing, waits for it to be printed (its state
 * read again at each of its progress events), downloads it; its id and its pages' text.
 */
export async function printMailing(
  client: MailingClient,
  events: EventBus,
  input: Record<string, unknown>,
  mode: 'layout' | 'raw' = 'layout',
): Promise<{ id: string; pages: string[] }> {
  const { id } = (await client.data('mutation ($input: CreateMailingInput!) { createMailing(input: $input) { id } }', { input: { kind: 'PDF', ...input } })).createMailing;
  const read = async () => (await client.data<{ mailing: { status: string; documentUrl: string } }>('query ($id: ID!) { mailing(id: $id) { status documentUrl } }', { id })).mailing;
  const mailing = await mailingSettled(events, id, read, (state) => state.status === 'DONE' || state.status === 'FAILED');
  if (mailing.status === 'FAILED') throw new Error('mailing failed');
  const response = await fetch(`${client.baseUrl}${mailing.documentUrl}`, { headers: { cookie: client.cookie! } });
  return { id, pages: pdfPages(Buffer.from(await response.arrayBuffer()), mode) };
}
