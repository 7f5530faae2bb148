import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Identity, Sensitive } from '../../platform/auth/integration-fields';
import { listOf, sizedByParent } from '../../platform/graphql/list-cost';
import { ClassOperation, LineOperation, MatchRule } from './import-report';
import { ImportFileKind } from './parsed-file';
import type { ImportPhase } from './import-progress';

registerEnumType(ImportFileKind, { name: 'ImportFileKind', description: 'ONDE « Élèves », ONDE « Responsables », or the Préau template' });
registerEnumType(LineOperation, { name: 'ImportLineOperation' });
registerEnumType(MatchRule, { name: 'ImportMatchRule', description: 'Which rule recognised the account' });
registerEnumType(ClassOperation, { name: 'ImportClassOperation' });

export enum ImportPhaseName {
  CHECKING = 'CHECKING',
  WRITING = 'WRITING',
  APPLIED = 'APPLIED',
}
registerEnumType(ImportPhaseName, {
  name: 'ImportPhase',
  valuesConfig: {
    CHECKING: { description: 'Locks taken, the école read again and compared with the dry run' },
    WRITING: { description: 'Lines being written (done / total steps)' },
    APPLIED: { description: 'Committed: the last event' },
  },
});

@ObjectType('ImportFile', { description: "What was read in one file: kind, encoding (with accented names to check it), separator, columns." })
export class ImportFileView {
  @Field() fileName!: string;
  @Field(() => ImportFileKind) kind!: ImportFileKind;
  @Field({ description: 'UTF-8, UTF-8 (BOM) or Windows-1252' }) encoding!: string;
  @Field() separator!: string;
  @Field() lineEnding!: string;
  @Field(() => Int) rows!: number;
  // Names read from the file, of no account yet: no pseudonym to give, so never to a token.
  @Sensitive()
  @Field(() => [String], { complexity: listOf(3), description: 'Up to three accented names as decoded' })
  samples!: string[];
  @Field(() => [String], { complexity: listOf(60) }) recognisedColumns!: string[];
  @Field(() => [String], { complexity: listOf(60) }) ignoredColumns!: string[];
  @Field({ description: 'The trailing « organismes » section was left out' }) footerSkipped!: boolean;
  @Field(() => [String], { complexity: listOf(100), description: 'Warnings about the whole file' }) warnings!: string[];
}

@ObjectType('ImportTotals', { description: 'Per profile: créés, modifiés, inchangés, transferts, changements de classe, absents du fichier, à arbitrer, erreurs, avertissements' })
export class ImportTotalsView {
  @Field() profile!: string;
  @Field(() => Int) created!: number;
  @Field(() => Int) modified!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) transfers!: number;
  @Field(() => Int) classChanges!: number;
  @Field(() => Int) absent!: number;
  @Field(() => Int) toArbitrate!: number;
  @Field(() => Int) errors!: number;
  @Field(() => Int) warnings!: number;
}

@ObjectType('ImportClass', { description: 'A class the import creates, renames, takes over or leaves as it is' })
export class ImportClassView {
  @Field(() => ClassOperation) operation!: ClassOperation;
  @Field(() => String, { nullable: true, description: '« Identifiant classe »' }) ondeClassId!: string | null;
  @Field(() => ID, { nullable: true }) classId!: string | null;
  @Field(() => String, { nullable: true }) oldName!: string | null;
  @Field() name!: string;
  @Field(() => [String], { complexity: listOf(9) }) levels!: string[];
  @Field(() => Int) pupils!: number;
}

@ObjectType('ImportFamilies')
export class ImportFamiliesView {
  @Field(() => Int) pupilsWithoutGuardian!: number;
  @Field(() => Int) pupilsWithOneGuardian!: number;
  @Field(() => Int) pupilsWithTwoOrMoreGuardians!: number;
  @Field(() => Int) guardiansWithoutEmail!: number;
}

@ObjectType('ImportCandidate')
export class ImportCandidateView {
  @Field(() => ID) userId!: string;
  // The account's name and birth date.
  @Sensitive()
  @Field({ description: 'Names and birth date of the account (never for integration tokens: read it with userId)' })
  label!: string;
}

@ObjectType('ImportChange', { description: 'old → new of one field' })
export class ImportChangeView {
  @Field() field!: string;
  // A birth date, an address, an e-mail, a phone as well as a name: never to a token (it has `field`).
  @Sensitive()
  @Field(() => String, { nullable: true })
  old!: string | null;

  @Sensitive()
  @Field(() => String, { nullable: true })
  new!: string | null;
}

@ObjectType('ImportLine', { description: 'One line of a file (or an absent account) and what the import would do with it' })
export class ImportLineView {
  @Field(() => String, { nullable: true }) file!: string | null;
  @Field(() => Int, { nullable: true }) line!: number | null;
  @Field() profile!: string;
  @Field(() => LineOperation) operation!: LineOperation;
  @Field(() => MatchRule, { nullable: true }) rule!: MatchRule | null;
  // Without directory:identity:read a token reads the account's pseudonym, or for a person the
  // import would create, one of this line of this session (imports.views.ts pseudonymSubject).
  @Identity('pseudonymSubject')
  @Field()
  lastName!: string;

  @Identity('pseudonymSubject')
  @Field()
  firstName!: string;

  /** Whom the Identity tier pseudonymises: the account, else this line of this session. Not a field. */
  pseudonymSubject?: string;

  @Field(() => String, { nullable: true }) className!: string | null;
  @Field(() => ID, { nullable: true }) userId!: string | null;
  @Field() classChange!: boolean;
  @Field(() => [ImportCandidateView], { complexity: listOf(5) }) candidates!: ImportCandidateView[];
  @Field(() => [ImportChangeView], { complexity: listOf(10) }) changes!: ImportChangeView[];
  // They quote the file: INE, e-mail addresses, birth dates.
  @Sensitive()
  @Field(() => [String], { complexity: listOf(10) })
  messages!: string[];
}

@ObjectType('ImportLinePage')
export class ImportLinePage {
  @Field(() => Int) total!: number;
  @Field(() => [ImportLineView], { complexity: sizedByParent }) items!: ImportLineView[];
}

@ObjectType('ImportLeavers', { description: '« Absent du fichier »: who « Appliquer » marks (pre-deleted 14 days later), or why a partial file marks no one' })
export class ImportLeaversView {
  @Field(() => Int) pupils!: number;
  @Field(() => Int) relatives!: number;
  @Field(() => String, { nullable: true, description: 'Why no leaver is proposed (a partial file)' }) withheld!: string | null;
  @Field(() => Int, { nullable: true, description: 'The number « Appliquer » wants in confirmLeavers (above 10 % of the pupils or 30 accounts)' })
  confirmationRequired!: number | null;
}

@ObjectType('ImportOutcome', { description: 'What « Appliquer » wrote' })
export class ImportOutcomeView {
  @Field(() => Int) created!: number;
  @Field(() => Int) modified!: number;
  @Field(() => Int) transfers!: number;
  @Field(() => Int, { description: 'Accounts marked « Absent du fichier »' }) leavers!: number;
  @Field(() => Int) classesCreated!: number;
  @Field(() => Int) classesRenamed!: number;
}

@InputType('ImportResolution', { description: 'An « À arbitrer » line decided: the account it is, or null to create a new one' })
export class ImportResolutionInput {
  @Field({ description: 'STUDENT or RELATIVE (the line\'s profile)' }) profile!: string;
  @Field(() => Int, { description: 'The line in its file' }) line!: number;
  @Field(() => ID, { nullable: true, description: 'One of the line\'s candidates; null: create a new account' }) userId!: string | null;
}

@ObjectType('ImportSession', { description: 'A dry run (« simulation »), and once applied what it wrote. Visible to the admin who made it.' })
export class ImportSessionView {
  @Field(() => ID) id!: string;
  @Field(() => ID) schoolId!: string;
  @Field() schoolName!: string;
  @Field() createdAt!: Date;
  @Field(() => [ImportFileView], { complexity: listOf(2) }) files!: ImportFileView[];
  @Field(() => [ImportTotalsView], { complexity: listOf(2) }) totals!: ImportTotalsView[];
  @Field(() => [ImportClassView], { complexity: listOf(100) }) classes!: ImportClassView[];
  @Field(() => ImportFamiliesView) families!: ImportFamiliesView;
  @Field(() => ImportLeaversView) leavers!: ImportLeaversView;
  @Field({ description: 'DRY_RUN, or APPLIED once « Appliquer » committed it' }) status!: string;
  @Field(() => Date, { nullable: true }) appliedAt!: Date | null;
  @Field(() => ImportOutcomeView, { nullable: true }) outcome!: ImportOutcomeView | null;
}

@ObjectType('ImportProgress', { description: '« Appliquer » on its way: steps done of total (each line written is one)' })
export class ImportProgressView {
  @Field(() => ID) sessionId!: string;
  @Field(() => ImportPhaseName) phase!: ImportPhase;
  @Field(() => Int) done!: number;
  @Field(() => Int) total!: number;
}
