import { Express, Request, Response } from 'express';
import { AppError } from '../platform/errors/app-error';
import { langFrom } from '../platform/errors/messages';
import { logger } from '../platform/logging/logger';
import { importReportCsv, importReportFileName } from '../modules/imports';
import { loadMailingFileName } from '../modules/mailings';
import { parseUserFilter } from '../modules/users';
import { resolveActor, sessionTokenFrom } from './context';
import { clientAddressOf } from './http';
import type { Services } from '../platform/context/services';

const today = () => new Date().toISOString().slice(0, 10);

/** Resolves when the client has taken what was written, or is gone. */
function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

function refuse(req: Request, res: Response, error: unknown): void {
  const lang = langFrom(req.headers['accept-language']);
  if (error instanceof AppError) {
    const status = error.code === 'NOT_FOUND' ? 404 : error.code === 'UNAUTHENTICATED' ? 401 : 400;
    res.status(status).type('text/plain; charset=utf-8').send(error.text[lang]);
    return;
  }
  logger.error('download failed', { error: (error as Error).message });
  if (!res.headersSent) res.status(500).type('text/plain; charset=utf-8').send(lang === 'en' ? 'The file could not be produced.' : "Le fichier n'a pas pu être produit.");
  else res.end();
}

/**
 * Files that are downloads rather than GraphQL answers: a mailing's PDF, the account export and an import's report.
 * Same session cookie, same scope rules, same "not found" for what is not yours.
 */
export function mountDownloads(app: Express, services: Services): void {
  app.get('/telechargements/publipostage/:file', async (req, res) => {
    try {
      const actor = await resolveActor(services, sessionTokenFrom(req));
      if (!actor) throw AppError.unauthenticated();
      const match = /^([0-9a-f-]{36})\.pdf$/.exec(String(req.params.file));
      const pdf = match ? await services.mailings.document(actor, match[1]) : null;
      if (!pdf) throw AppError.notFound();
      res.setHeader('Cache-Control', 'no-store');
      // Checked above: the mailing is the caller's, so its name (école, date, layout) is theirs to read.
      const name = (await loadMailingFileName(services.dataSource, match![1])) ?? `publipostage-${today()}.pdf`;
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      res.type('application/pdf');
      res.setHeader('Content-Length', String(pdf.byteSize));
      // A row at a time, each written once the client has taken the previous one.
      for await (const chunk of pdf.chunks()) {
        if (res.destroyed) return;
        if (!res.write(chunk)) await drainedOrClosed(res);
      }
      res.end();
    } catch (error) {
      refuse(req, res, error);
    }
  });

  // An import's report, for its creator while the école is in their scope (else 404, as for an id that does not exist).
  app.get('/telechargements/import/:file', async (req, res) => {
    try {
      const actor = await resolveActor(services, sessionTokenFrom(req));
      if (!actor) throw AppError.unauthenticated();
      const match = /^([0-9a-f-]{36})\.csv$/.exec(String(req.params.file));
      if (!match) throw AppError.notFound();
      const session = await services.imports.session(actor, match[1]);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Disposition', `attachment; filename="${importReportFileName(session)}"`);
      res.type('text/csv; charset=utf-8').send(importReportCsv(session));
    } catch (error) {
      refuse(req, res, error);
    }
  });

  app.get('/telechargements/comptes.csv', async (req, res) => {
    try {
      const actor = await resolveActor(services, sessionTokenFrom(req));
      if (!actor) throw AppError.unauthenticated();
      const filter = parseUserFilter(typeof req.query.filtre === 'string' ? req.query.filtre : undefined);
      await services.accountExport.check(actor, filter);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Disposition', `attachment; filename="comptes-${today()}.csv"`);
      res.type('text/csv; charset=utf-8');
      await services.accountExport.write(actor, filter, clientAddressOf(req, services.config), async (chunk) => {
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      });
      res.end();
    } catch (error) {
      refuse(req, res, error);
    }
  });
}
