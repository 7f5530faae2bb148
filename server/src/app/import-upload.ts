import type { Express, Request, Response } from 'express';
import { Readable } from 'node:stream';
import { importRefusals, MAX_FILE_BYTES, type UploadedFile } from '../modules/imports';
import type { Services } from '../platform/context/services';
import { AppError } from '../platform/errors/app-error';
import { langFrom } from '../platform/errors/messages';
import { logger } from '../platform/logging/logger';
import { checkTokenOperation } from '../platform/auth/token-scopes';
import { bearerOf, resolveActor, resolveTokenActor, sessionTokenFrom } from './context';
import { clientAddressOf } from './http';

/** Two files at their size limit and the multipart framing: more is refused before it is read. */
const MAX_BODY_BYTES = 2 * MAX_FILE_BYTES + 64 * 1024;

/** A raw body is one file (over its own limit if over this one); a multipart body may hold two. */
function tooLarge(req: Request): AppError {
  const raw = !String(req.headers['content-type'] ?? '').startsWith('multipart/form-data');
  return raw && req.query.nom ? importRefusals.tooLarge(String(req.query.nom)) : importRefusals.uploadTooLarge();
}

async function readBody(req: Request): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge(req);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge(req);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** multipart/form-data (any field names, one or two files), or one raw file with `?nom=<file name>`. */
async function uploadedFiles(req: Request): Promise<UploadedFile[]> {
  const body = await readBody(req);
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('multipart/form-data')) {
    return body.length || req.query.nom ? [{ name: String(req.query.nom ?? 'fichier.csv'), bytes: body }] : [];
  }
  // Node's own multipart reader (undici's Request.formData): no parser dependency for two files.
  const form = await new globalThis.Request('http://upload.invalid/', { method: 'POST', headers: { 'content-type': type }, body: Readable.toWeb(Readable.from([body])) as ReadableStream, duplex: 'half' } as RequestInit).formData().catch(() => {
    throw importRefusals.badUpload();
  });
  const files: UploadedFile[] = [];
  for (const value of form.values()) {
    if (typeof value === 'string') continue;
    files.push({ name: value.name || 'fichier.csv', bytes: Buffer.from(await value.arrayBuffer()) });
  }
  return files;
}

function answerError(req: Request, res: Response, error: unknown): void {
  const lang = langFrom(req.headers['accept-language']);
  if (error instanceof AppError) {
    const status = error.code === 'NOT_FOUND' ? 404 : error.code === 'UNAUTHENTICATED' ? 401 : error.code === 'FORBIDDEN' ? 403 : 400;
    res.status(status).json({ code: error.code, message: error.text[lang] });
    return;
  }
  logger.error('import dry run failed', { error: (error as Error).message });
  res.status(500).json({ code: 'INTERNAL', message: AppError.of('INTERNAL').text[lang] });
}

/**
 * « Importer des utilisateurs », first step: `POST /imports/dry-run?ecole=<id>` with the école's
 * files (uploads are awkward over GraphQL). Same session cookie and scope rules as GraphQL; answers
 * `{ id }`, the import session whose report `importSession(id)` reads. An integration token
 * (`Authorization: Bearer preau_…`, which wins over any cookie as on /graphql) needs imports:write,
 * checked and audited (API_WRITE « importDryRun ») as for a mutation; its session is its client's.
 */
export function mountImportUpload(app: Express, services: Services): void {
  app.post('/imports/dry-run', async (req, res) => {
    try {
      const bearer = bearerOf(req);
      const actor = bearer ? await resolveTokenActor(services, bearer) : await resolveActor(services, sessionTokenFrom(req));
      if (!actor) throw AppError.unauthenticated();
      if (actor.functions.length === 0) throw AppError.forbidden();
      // Before the body is read: a token without the scope sends its files for nothing.
      if (actor.integration) await checkTokenOperation(actor.integration, 'Mutation', 'applyImport', clientAddressOf(req, services.config), 'importDryRun');
      const files = await uploadedFiles(req);
      const id = await services.imports.dryRun(actor, String(req.query.ecole ?? ''), files);
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).json({ id });
    } catch (error) {
      answerError(req, res, error);
    }
  });
}
