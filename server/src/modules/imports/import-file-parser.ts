import { detectKind } from './column-maps';
import { csvRecords } from './csv-records';
import { decodeFile } from './file-decoding';
import { guardianLine, isOrganismesHeader, planGuardianColumns } from './guardian-rows';
import { refuse } from './import-refusals';
import { ImportFileKind, type FileDiagnostics, type GuardianLine, type ImportIssue, type ParsedFile, type PupilLine } from './parsed-file';
import { planPupilColumns, pupilLine } from './pupil-rows';

const accented = /[^\x00-\x7f]/;

/**
 * Reads one dropped file: encoding, separator, kind from its header, then every row streamed
 * through the mapper of that kind. A file the import cannot use is refused (AppError) as a whole;
 * a bad row is an error of its line in the report.
 */
export async function parseImportFile(bytes: Buffer, fileName: string): Promise<ParsedFile> {
  const decoded = decodeFile(bytes, fileName);
  const { separator, lineEnding, records } = await csvRecords(decoded.text, fileName);
  const iterator = records[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw refuse.empty(fileName);
  const headers = first.value.cells;
  const kind = detectKind(headers);
  if (!kind) {
    await iterator.return?.(undefined);
    throw refuse.unknownKind(fileName);
  }
  const issues: { errors: ImportIssue[]; warnings: ImportIssue[] } = { errors: [], warnings: [] };
  const pupils: PupilLine[] = [];
  const guardians: GuardianLine[] = [];
  const samples: string[] = [];
  const sample = (name: string) => {
    if (samples.length < 3 && accented.test(name) && !samples.includes(name)) samples.push(name);
  };
  let rows = 0;
  let footerSkipped = false;
  let recognised: string[];
  let ignored: string[];
  if (kind === ImportFileKind.ONDE_GUARDIANS) {
    const plan = planGuardianColumns(headers, fileName);
    ({ recognised, ignored } = plan);
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
      if (isOrganismesHeader(step.value)) {
        footerSkipped = true;
        await iterator.return?.(undefined);
        break;
      }
      rows += 1;
      const guardian = guardianLine(plan, step.value, issues);
      if (guardian) {
        guardians.push(guardian);
        sample(`${guardian.lastName} ${guardian.firstName}`);
      }
    }
  } else {
    const plan = planPupilColumns(headers, kind, fileName);
    ({ recognised, ignored } = plan);
    issues.warnings.push(...plan.warnings);
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
      rows += 1;
      const pupil = pupilLine(plan, step.value, issues);
      if (pupil) {
        pupils.push(pupil);
        sample(`${pupil.usageName || pupil.lastName} ${pupil.firstName}`);
      }
    }
  }
  if (rows === 0) throw refuse.empty(fileName);
  const diagnostics: FileDiagnostics = {
    fileName,
    kind,
    encoding: decoded.encoding,
    separator,
    lineEnding,
    rows,
    samples,
    recognisedColumns: recognised,
    ignoredColumns: ignored,
    footerSkipped,
    warnings: issues.warnings,
    errors: issues.errors,
  };
  return { diagnostics, pupils, guardians };
}
