import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

export enum AccountNameKind {
  LOGIN = 'LOGIN',
  ALIAS = 'ALIAS',
}

/**
 * Every name one can sign in with, logins and aliases together: its primary key makes a name unique
 * across both kinds, and the sign-in lookup is a single index probe. The `text_pattern_ops` index
 * lets login generation find `jean.dupont`, `jean.dupont2`, … with a prefix scan.
 */
@Entity('account_name')
@Index('account_name_pattern_idx', { synchronize: false })
export class AccountNameEntity {
  @PrimaryColumn('text')
  name!: string;

  @Index('account_name_user_idx')
  @Column('uuid')
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: AccountNameKind, enumName: 'account_name_kind' })
  kind!: AccountNameKind;
}
