import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AdminFunction } from '../../platform/model/admin-function';
import { StructureKind } from './structure.entity';
import { AccountSource } from './user.entity';
import { Profile } from '../../platform/model/profile';

registerEnumType(Profile, {
  name: 'Profile',
  description: 'Élève, Parent (responsable), Enseignant, Personnel, Invité',
});
registerEnumType(StructureKind, { name: 'StructureKind', description: 'Département, circonscription ou école' });
registerEnumType(AdminFunction, {
  name: 'AdminFunction',
  description: 'Administrateur local (école), ERUN (circonscription), CPD numérique (département), opérateur',
});
registerEnumType(AccountSource, { name: 'AccountSource', description: "D'où vient le compte : annuaire (AAF1D), import ONDE, création manuelle" });

@ObjectType('Structure', { description: 'A node of the directory: département, circonscription or école.' })
export class StructureView {
  @Field(() => ID)
  id!: string;

  @Field(() => StructureKind)
  kind!: StructureKind;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'UAI for an école, number for a département.' })
  code!: string | null;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;
}

@ObjectType('SchoolClass', { description: 'A class of an école.' })
export class SchoolClassView {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'Grade levels, e.g. ["CE2", "CM1"].' })
  levels!: string[];

  schoolId!: string;
}

@ObjectType('FunctionGrant', { description: 'An admin function held over a structure (none for the operator).' })
export class FunctionGrantView {
  @Field(() => AdminFunction)
  function!: AdminFunction;

  @Field(() => StructureView, { nullable: true })
  structure!: StructureView | null;
}
