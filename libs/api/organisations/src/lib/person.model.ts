import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A person as the directory shows them to other members: no e-mail, no role internals. */
@ObjectType()
export class Person {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  position: string | null;

  @Field(() => String, { nullable: true })
  department: string | null;

  @Field(() => ID)
  organisationId: string;

  /** Keyset for pagination; not exposed. */
  nameFolded: string;
}
