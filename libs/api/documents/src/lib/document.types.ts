import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DOCUMENT_NAME_MAX, DOCUMENT_SEARCH_MAX, DocumentOwnerKind } from '@civitas/shared/domain';
import { ConnectionType, PageArgs } from '@civitas/api/core';

registerEnumType(DocumentOwnerKind, {
  name: 'DocumentOwnerKind',
  description: 'What a document is attached to; reading a document = reading its owner.',
});

export enum DocumentSort {
  NAME = 'NAME',
  UPDATED_AT = 'UPDATED_AT',
  SIZE = 'SIZE',
}
registerEnumType(DocumentSort, { name: 'DocumentSort' });

export enum DocumentTextStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  NONE = 'NONE',
  FAILED = 'FAILED',
}
registerEnumType(DocumentTextStatus, {
  name: 'DocumentTextStatus',
  description:
    'Text extraction for search: PENDING (queued), DONE, NONE (a type without text, or too large), FAILED.',
});

@ObjectType({ description: 'Who uploaded or deleted something.' })
export class DocumentPerson {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType({ description: 'A folder of a library (a working group library has nested folders).' })
export class DocumentFolder {
  @Field(() => ID)
  id: string;

  @Field(() => DocumentOwnerKind)
  ownerKind: DocumentOwnerKind;

  @Field(() => ID)
  ownerId: string;

  @Field(() => ID, { nullable: true, description: 'Null for a folder at the top of the library.' })
  parentId: string | null;

  @Field()
  name: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set while the folder is in the trash.' })
  deletedAt: Date | null;

  @Field(() => DocumentPerson, { nullable: true })
  deletedBy: DocumentPerson | null;

  createdById: string | null;
}

@ObjectType({ description: 'One uploaded version of a document. Numbers start at 1.' })
export class DocumentVersion {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  documentId: string;

  @Field(() => Int)
  number: number;

  @Field(() => Float, { description: 'Bytes.' })
  size: number;

  @Field({ description: 'The Content-Type it is served with (from the allow-list).' })
  contentType: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "When this version restored an older one: that version's number.",
  })
  restoredFromNumber: number | null;

  @Field(() => DocumentPerson, { nullable: true })
  uploadedBy: DocumentPerson | null;

  @Field()
  createdAt: Date;

  @Field()
  isCurrent: boolean;

  @Field(() => DocumentTextStatus)
  textStatus: DocumentTextStatus;

  @Field({
    description:
      'A signed link (relative URL, valid a few minutes, for the caller only) that downloads ' +
      'this version as an attachment.',
  })
  downloadUrl: string;

  @Field(() => String, {
    nullable: true,
    description: 'A signed link that shows this version inline; only PDF and images, else null.',
  })
  previewUrl: string | null;
}

@ObjectType({ description: 'A file with its versions, attached to an owner (library, post…).' })
export class Document {
  @Field(() => ID)
  id: string;

  @Field(() => DocumentOwnerKind)
  ownerKind: DocumentOwnerKind;

  @Field(() => ID)
  ownerId: string;

  @Field(() => ID, { nullable: true })
  folderId: string | null;

  @Field()
  name: string;

  @Field({ description: 'Lower-case extension of the name, e.g. "pdf".' })
  extension: string;

  @Field(() => Int)
  versionCount: number;

  @Field(() => DocumentVersion)
  currentVersion: DocumentVersion;

  @Field(() => Float, { description: "The current version's bytes." })
  size: number;

  @Field()
  contentType: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => DocumentPerson, { nullable: true })
  createdBy: DocumentPerson | null;

  @Field(() => Date, { nullable: true, description: 'Set while the document is in the trash.' })
  deletedAt: Date | null;

  @Field(() => DocumentPerson, { nullable: true })
  deletedBy: DocumentPerson | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When a document in the trash is purged for good.',
  })
  purgeAt: Date | null;

  @Field({ description: 'I may rename, move or delete it (mine, or I manage its owner).' })
  viewerCanEdit: boolean;

  @Field({ description: "I manage its owner: delete anyone's, restore from the trash." })
  viewerCanManage: boolean;

  @Field({ description: 'Signed link to download the current version (see DocumentVersion).' })
  downloadUrl: string;

  @Field(() => String, { nullable: true, description: 'Signed inline link; PDF and images only.' })
  previewUrl: string | null;

  createdById: string | null;
  trashedWithId: string | null;
}

@ObjectType()
export class DocumentConnection extends ConnectionType(Document) {}

@ObjectType()
export class DocumentVersionConnection extends ConnectionType(DocumentVersion) {}

@ObjectType({ description: 'Bytes stored for a working group (trash and old versions included).' })
export class DocumentQuota {
  @Field(() => ID)
  groupId: string;

  @Field(() => Float)
  usedBytes: number;

  @Field(() => Float)
  limitBytes: number;

  @Field(() => Float, { description: 'The largest single file the API accepts.' })
  maxFileBytes: number;
}

@ObjectType()
export class DocumentSearchHit {
  @Field(() => Document)
  document: Document;

  @Field({
    description:
      'Fragments of the text (or the name) around the matches: HTML-escaped text where ' +
      'only <mark>…</mark> is markup.',
  })
  headline: string;

  @Field(() => Float)
  rank: number;
}

@ArgsType()
export class DocumentsArgs extends PageArgs {
  @Field(() => DocumentOwnerKind, { defaultValue: DocumentOwnerKind.GROUP_LIBRARY })
  @IsEnum(DocumentOwnerKind)
  ownerKind: DocumentOwnerKind = DocumentOwnerKind.GROUP_LIBRARY;

  @Field(() => ID, { description: "For a group library: the group's id." })
  @IsUUID()
  ownerId: string;

  @Field(() => ID, { nullable: true, description: 'Null: the top of the library.' })
  @IsOptional()
  @IsUUID()
  folderId?: string;

  @Field(() => DocumentSort, { defaultValue: DocumentSort.NAME })
  @IsEnum(DocumentSort)
  sort: DocumentSort = DocumentSort.NAME;

  @Field({ defaultValue: false })
  @IsBoolean()
  descending: boolean = false;
}

@ArgsType()
export class DocumentTrashArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  groupId: string;
}

@ArgsType()
export class DocumentVersionsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  documentId: string;
}

@ArgsType()
export class DocumentSearchArgs {
  @Field({ description: 'Words as typed (websearch syntax: "a phrase", -not, or).' })
  @IsString()
  @MaxLength(200)
  query: string;

  @Field(() => ID, { nullable: true, description: 'Only this working group (library and forum).' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @Field(() => Int, { defaultValue: 20, description: `At most ${DOCUMENT_SEARCH_MAX}.` })
  @IsInt()
  @Min(1)
  @Max(DOCUMENT_SEARCH_MAX)
  first: number = 20;
}

@InputType()
export class CreateDocumentFolderInput {
  @Field(() => ID)
  @IsUUID()
  groupId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field()
  @IsString()
  @MaxLength(DOCUMENT_NAME_MAX)
  name: string;
}
