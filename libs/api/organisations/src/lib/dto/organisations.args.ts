import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MembershipStatus, OrganisationKind } from '@civitas/shared/domain';
import { ConnectionType, PageArgs } from '@civitas/api/core';
import { Organisation } from '../organisation.entity';
import { Person } from '../person.model';

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, with or without diacritics ("lodz"), or a TERYT code.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'must be a two-digit TERYT voivodeship code' })
  voivodeshipCode?: string;

  @Field(() => [MembershipStatus], { nullable: true })
  @IsOptional()
  @IsEnum(MembershipStatus, { each: true })
  membershipStatus?: MembershipStatus[];

  @Field(() => OrganisationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, with or without diacritics.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an organisation id' })
  organisationId?: string;
}

@ObjectType()
export class OrganisationConnection extends ConnectionType(Organisation) {}

@ObjectType()
export class PersonConnection extends ConnectionType(Person) {}
