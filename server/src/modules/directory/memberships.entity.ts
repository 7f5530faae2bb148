import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SchoolClassEntity } from './school-class.entity';
import { StructureEntity } from './structure.entity';
import { UserEntity } from './user.entity';

/**
 * « Établissement(s) »: the écoles an account belongs to. Scope checks join through this table. It
 * carries copies of the account's search keys (written by triggers, never by Préau's code: see
 * migration MembershipSearchKeys) so that a search within a few écoles walks their own indexes.
 */
@Entity('user_structure')
@Index('user_structure_structure_idx', ['structureId', 'userId'])
@Index('user_structure_search_last_idx', { synchronize: false })
@Index('user_structure_search_first_idx', { synchronize: false })
export class UserStructureEntity {
  @PrimaryColumn('uuid')
  userId!: string;

  @PrimaryColumn('uuid')
  structureId!: string;

  @Column({ type: 'text', insert: false, update: false })
  searchLast!: string;

  @Column({ type: 'text', insert: false, update: false })
  searchFirst!: string;

  @Column({ type: 'boolean', default: false, insert: false, update: false })
  predeleted!: boolean;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @ManyToOne(() => StructureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'structure_id' })
  structure?: StructureEntity;
}

/** « Classe(s) »: pupils and teachers of a class (the profile tells which). */
@Entity('class_member')
@Index('class_member_user_idx', ['userId', 'classId'])
export class ClassMemberEntity {
  @PrimaryColumn('uuid')
  classId!: string;

  @PrimaryColumn('uuid')
  userId!: string;

  @ManyToOne(() => SchoolClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  schoolClass?: SchoolClassEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A « responsable » (RELATIVE) of a pupil (STUDENT). */
@Entity('relative_link')
@Index('relative_link_student_idx', ['studentId', 'relativeId'])
export class RelativeLinkEntity {
  @PrimaryColumn('uuid')
  relativeId!: string;

  @PrimaryColumn('uuid')
  studentId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'relative_id' })
  relative?: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
