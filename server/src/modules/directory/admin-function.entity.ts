import { AdminFunction } from '../../platform/model/admin-function';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StructureEntity } from './structure.entity';
import { UserEntity } from './user.entity';

/** An administration right of a user over a structure subtree (OPERATOR: over everything). */
@Entity('admin_function')
@Index('admin_function_user_fn_structure_key', ['userId', 'function', 'structureId'], { unique: true })
export class AdminFunctionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: AdminFunction, enumName: 'admin_function_kind' })
  function!: AdminFunction;

  /** Null only for OPERATOR, whose scope is the whole platform. */
  @Index('admin_function_structure_idx')
  @Column('uuid', { nullable: true })
  structureId!: string | null;

  @ManyToOne(() => StructureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'structure_id' })
  structure?: StructureEntity | null;

  @Column('uuid', { nullable: true })
  grantedById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt!: Date;
}
