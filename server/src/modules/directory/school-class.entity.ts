import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StructureEntity } from './structure.entity';

/** A class of an école (« CE1 A », « CM1-CM2 »); `levels` holds the grade levels it spans. */
@Entity('school_class')
@Index('school_class_school_name_key', ['schoolId', 'name'], { unique: true })
export class SchoolClassEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  schoolId!: string;

  @ManyToOne(() => StructureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: StructureEntity;

  @Column('text')
  name!: string;

  /** Grade levels, among TPS PS MS GS CP CE1 CE2 CM1 CM2. */
  @Column('text', { array: true, default: () => "'{}'" })
  levels!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
