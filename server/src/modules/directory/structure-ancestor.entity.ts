import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The closure of the structure tree: one row per (structure, ancestor-or-self). "Is this école under
 * that circonscription?" and "every structure under these roots" become index lookups, so a scope
 * is carried in SQL as its one or two root ids — never as an array of thousands of écoles.
 * Maintained by a trigger on structure (see the migration); structures are not re-parented.
 */
@Entity('structure_ancestor')
@Index('structure_ancestor_structure_idx', ['structureId', 'ancestorId'])
export class StructureAncestorEntity {
  @PrimaryColumn('uuid')
  ancestorId!: string;

  @PrimaryColumn('uuid')
  structureId!: string;

  /** 0 for the structure itself, 1 for its parent… */
  @Column('int')
  depth!: number;
}
