import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ConsentAction, ConsentPurpose, ConsentSource } from '@civitas/shared/domain';

registerEnumType(ConsentPurpose, { name: 'ConsentPurpose' });
registerEnumType(ConsentAction, { name: 'ConsentAction' });
registerEnumType(ConsentSource, { name: 'ConsentSource' });

/**
 * One line of the consent log: a consent given or withdrawn, by an account or an e-mail
 * address (newsletter subscribers need no account). Append-only: the database refuses
 * UPDATE and DELETE except inside an erasure, which only blanks the e-mail.
 */
@Entity('consent_record')
@ObjectType({
  description: 'A consent given or withdrawn: who, for what, which wording, when, where.',
})
export class ConsentRecord {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  userId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Empty once the person was erased.' })
  email: string | null;

  @Column({ type: 'text' })
  @Field(() => ConsentPurpose)
  purpose: ConsentPurpose;

  @Column({ type: 'text' })
  @Field(() => ConsentAction)
  action: ConsentAction;

  @Column({ name: 'text_version', type: 'text' })
  @Field({ description: 'The version of the consent wording the person was shown.' })
  textVersion: string;

  @Column({ type: 'text' })
  @Field(() => ConsentSource)
  source: ConsentSource;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
