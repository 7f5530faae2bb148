import type { Lang } from '../../platform/errors/messages';
import { pageSize } from '../../platform/graphql/list-cost';
import { isDecidable, type LineOperation } from './import-report';
import type { StoredImportSession } from './import.service';
import type { ImportLinePage, ImportSessionView } from './imports.types';
import { issueText } from './issue-texts';

/** The view keeps the stored report for its `lines` field. */
export type ImportSessionSource = ImportSessionView & { source: StoredImportSession };

export function importSessionView(session: StoredImportSession, lang: Lang): ImportSessionSource {
  const { report } = session;
  return {
    id: session.id,
    schoolId: session.schoolId,
    schoolName: report.schoolName,
    createdAt: session.createdAt,
    files: report.files.map((file) => ({
      ...file,
      warnings: file.warnings.filter((w) => w.line === undefined).map((w) => issueText(w, lang)),
    })),
    totals: report.totals,
    classes: report.classes,
    families: report.families,
    leavers: {
      pupils: report.leavers?.pupils ?? 0,
      relatives: report.leavers?.relatives ?? 0,
      withheld: report.leavers?.withheld ? issueText(report.leavers.withheld, lang) : null,
      confirmationRequired: report.leavers?.confirmationRequired ?? null,
    },
    status: session.status,
    appliedAt: session.appliedAt,
    outcome: session.outcome,
    source: session,
  };
}

export function importLinePage(session: ImportSessionSource, first: number, offset: number, operation: LineOperation | null, decidable: boolean, lang: Lang): ImportLinePage {
  const lines = session.source.report.lines.filter((line) => (!operation || line.operation === operation) && (!decidable || isDecidable(line)));
  const start = Math.max(0, Math.trunc(offset));
  return {
    total: lines.length,
    items: lines.slice(start, start + pageSize(first, 200)).map((line) => ({
      ...line,
      pseudonymSubject: line.userId ?? `${session.id}:${line.profile}:${line.file ?? ''}:${line.line ?? ''}`,
      // As many as the cost limit counts (listOf in imports.types.ts); the stored report keeps all.
      candidates: line.candidates.slice(0, 5),
      changes: line.changes.slice(0, 10),
      messages: line.issues.slice(0, 10).map((issue) => issueText(issue, lang)),
    })),
  };
}
