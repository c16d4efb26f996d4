import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Role } from '@civitas/shared/domain';

registerEnumType(Role, { name: 'Role' });

/** A person with an account. Internal columns (hash, session version) carry no @Field. */
@Entity('app_user')
@ObjectType({ description: 'The signed-in person, as they and the office see themselves.' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column()
  @Field()
  email: string;

  @Column({ name: 'password_hash' })
  passwordHash: string;

  @Column()
  @Field()
  name: string;

  @Column({ name: 'name_folded' })
  nameFolded: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  position: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  department: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  phone: string | null;

  @Column({ type: 'text' })
  @Field(() => Role)
  role: Role;

  @Column({ name: 'is_legal_officer' })
  @Field({ description: 'City legal staff: may request expert opinions for their city.' })
  isLegalOfficer: boolean;

  @Column({ name: 'organisation_id', type: 'uuid' })
  @Field(() => ID)
  organisationId: string;

  @Column()
  @Field()
  locale: string;

  @Column({ name: 'session_version' })
  sessionVersion: number;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
