import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { MembershipStatus, OrganisationKind } from '@civitas/shared/domain';

registerEnumType(MembershipStatus, { name: 'MembershipStatus' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

/** A Polish town from the TERYT register, or the association's office. */
@Entity('organisation')
@ObjectType()
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'teryt_code', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'TERC code: WOJ+POW+GMI+RODZ (7 digits).' })
  terytCode: string | null;

  @Column()
  @Field()
  name: string;

  @Column({ name: 'name_folded' })
  nameFolded: string;

  @Column({ type: 'text' })
  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Column({ name: 'powiat_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  powiatName: string | null;

  @Column({ name: 'voivodeship_code', type: 'char', length: 2, nullable: true })
  voivodeshipCode: string | null;

  @Column({ name: 'membership_status', type: 'text' })
  @Field(() => MembershipStatus)
  membershipStatus: MembershipStatus;

  @Column({ name: 'accession_date', type: 'date', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'ISO date (YYYY-MM-DD) the town joined the association.',
  })
  accessionDate: string | null;

  @Column({ name: 'membership_resolution', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "Number of the council's resolution on joining.",
  })
  membershipResolution: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  address: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  email: string | null;

  @Column({ name: 'logo_updated_at', type: 'timestamptz', nullable: true })
  logoUpdatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('voivodeship')
@ObjectType()
export class Voivodeship {
  @Column({ primary: true, type: 'char', length: 2 })
  @Field({ description: 'TERYT WOJ code, e.g. "30" for Wielkopolskie.' })
  code: string;

  @Column()
  @Field()
  name: string;
}

@Entity('organisation_logo')
export class OrganisationLogo {
  @Column({ name: 'organisation_id', type: 'uuid', primary: true })
  organisationId: string;

  @Column({ name: 'content_type' })
  contentType: string;

  @Column({ type: 'bytea' })
  data: Buffer;
}
