import { Field, ID, Int, ObjectType } from 'type-graphql';
import { listOfScope } from '../../platform/graphql/list-cost';

/** A département has a few thousand écoles (the benchmark's 2,941); a bound, not a page. */
export const MAX_ECOLES = 4000;
export const MAX_CIRCONSCRIPTIONS = 200;

const ACTIVE = (days: number) =>
  `Accounts of that profile (not pre-deleted) with a sign-in or a request over the ${days} Europe/Paris days ending on Supervision.activityDay. ` +
  "Null when fewer than 3 people are active or inactive (« — (moins de 3 personnes) »). A circonscription's or a total's row counts a person of several of its écoles once.";
const ACTIVE_7 = ACTIVE(7);
const ACTIVE_30 = ACTIVE(30);

/**
 * The figures of one école, or of a circonscription or a département (a total). Accounts are those
 * attached to the école and not pre-deleted, as in the user list; a person of two écoles counts in
 * each école's row, once in a total.
 */
@ObjectType('SupervisionRow', {
  description:
    "The « Tableau de bord » figures of an école, or a total (a circonscription's, a département's): a total counts each person of its écoles once (a parent with children in two écoles, a teacher of two écoles), and each pending report once.",
})
export class SupervisionRow {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'UAI of an école.' })
  code!: string | null;

  @Field(() => ID, { nullable: true, description: "The école's circonscription (null for a total)." })
  circonscriptionId!: string | null;

  @Field(() => Int, { description: 'Élèves (not pre-deleted).' })
  students!: number;

  @Field(() => Int, { description: 'Élèves with a password (activated).' })
  studentsActivated!: number;

  @Field(() => Int, { description: 'Parents (responsables, not pre-deleted).' })
  relatives!: number;

  @Field(() => Int)
  relativesActivated!: number;

  @Field(() => Int)
  teachers!: number;

  @Field(() => Int)
  teachersActivated!: number;

  @Field(() => Int)
  personnel!: number;

  @Field(() => Int)
  personnelActivated!: number;

  @Field(() => Int)
  guests!: number;

  @Field(() => Int)
  guestsActivated!: number;

  @Field(() => Int, { description: '« Familles couvertes »: pupils with at least one activated, not pre-deleted guardian.' })
  pupilsCovered!: number;

  @Field(() => Int, { description: 'Pupils with no guardian (not pre-deleted) linked.' })
  pupilsWithoutGuardian!: number;

  @Field(() => Int, { description: 'Parents with no e-mail address (an empty one counts as none).' })
  relativesWithoutEmail!: number;

  @Field(() => Int, { description: 'Accounts blocked now (not pre-deleted), every profile.' })
  blocked!: number;

  @Field(() => Int, { description: 'Pre-deleted accounts, every profile.' })
  predeleted!: number;

  @Field(() => Int, { description: "Reports waiting for a decision about a post of the école's audience." })
  pendingReports!: number;

  @Field(() => Date, { nullable: true, description: 'When the oldest pending report was made.' })
  oldestPendingReportAt!: Date | null;

  @Field(() => Int, {
    description: "« Absents du fichier »: accounts (not pre-deleted) an applied import of the école found absent from its file, waiting for their pre-deletion.",
  })
  absentFromFile!: number;

  @Field(() => Int, {
    description: 'Accounts (not pre-deleted) whose last renewal code handed out by an admin or a teacher expired unused (no newer code).',
  })
  renewalCodesExpired!: number;

  @Field(() => Date, { nullable: true, description: "When the école's last import was applied (null: none, and for a total)." })
  lastImportAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Accounts the last import created.' })
  lastImportCreated!: number | null;

  @Field(() => Int, { nullable: true, description: 'Accounts the last import changed (transfers included).' })
  lastImportModified!: number | null;

  @Field(() => Int, { nullable: true, description: 'Accounts the last import found absent from its file.' })
  lastImportLeavers!: number | null;

  @Field(() => Date, { nullable: true, description: 'The newest simulation (dry run) made after the last import and never applied: refused, undecided or abandoned.' })
  unappliedImportAt!: Date | null;

  @Field(() => Int, { nullable: true, description: ACTIVE_7 })
  studentsActive7!: number | null;

  @Field(() => Int, { nullable: true, description: ACTIVE_30 })
  studentsActive30!: number | null;

  @Field(() => Int, { nullable: true, description: ACTIVE_7 })
  relativesActive7!: number | null;

  @Field(() => Int, { nullable: true, description: ACTIVE_30 })
  relativesActive30!: number | null;

  @Field(() => Int, { nullable: true, description: ACTIVE_7 })
  teachersActive7!: number | null;

  @Field(() => Int, { nullable: true, description: ACTIVE_30 })
  teachersActive30!: number | null;

  @Field(() => Int, { nullable: true, description: ACTIVE_7 })
  personnelActive7!: number | null;

  @Field(() => Int, { nullable: true, description: ACTIVE_30 })
  personnelActive30!: number | null;

  @Field(() => Int, { nullable: true, description: ACTIVE_7 })
  guestsActive7!: number | null;

  @Field(() => Int, { nullable: true, description: ACTIVE_30 })
  guestsActive30!: number | null;
}

@ObjectType('SupervisionChange', { description: 'A figure of the « Tableau de bord » changed in your scope: read it again.' })
export class SupervisionChange {
  @Field(() => Date, { description: 'When this instance heard of it (the change was committed just before).' })
  changedAt!: Date;
}

@ObjectType('Supervision', { description: '« Tableau de bord »: the écoles of your scope (or of one structure of it), one row each.' })
export class SupervisionView {
  @Field(() => Date, { description: 'When these figures were read (they are current as of that moment).' })
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (Europe/Paris): the last day the actives count (rolled up hourly); null before the first roll-up.' })
  activityDay!: string | null;

  @Field(() => [SupervisionRow], {
    complexity: listOfScope(MAX_CIRCONSCRIPTIONS),
    description: "One total per circonscription all of whose écoles are in the view (none for a director's école): each person of its écoles counted once.",
  })
  circonscriptions!: SupervisionRow[];

  @Field(() => SupervisionRow, {
    nullable: true,
    description:
      "The total of the view's écoles, each person counted once: the ERUN's circonscription, the département admin's département, the structure asked for, a director's école (its own row). Null when no one structure holds the view (several roots, the operator's whole platform).",
  })
  total!: SupervisionRow | null;

  @Field(() => [SupervisionRow], { complexity: listOfScope(MAX_ECOLES), description: 'One row per école, by circonscription then name.' })
  ecoles!: SupervisionRow[];
}
