import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum StructureKind {
  DEPARTEMENT = 'DEPARTEMENT',
  CIRCONSCRIPTION = 'CIRCONSCRIPTION',
  ECOLE = 'ECOLE',
}

/** A node of the directory tree: département → circonscription → école. */
@Entity('structure')
export class StructureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: StructureKind, enumName: 'structure_kind' })
  kind!: StructureKind;

  @Column('text')
  name!: string;

  /** UAI (national establishment code) for écoles, département number for départements. */
  @Index('structure_code_key', { unique: true })
  @Column('text', { nullable: true })
  code!: string | null;

  @Index('structure_parent_idx')
  @Column('uuid', { nullable: true })
  parentId!: string | null;

  @ManyToOne(() => StructureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: StructureEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
