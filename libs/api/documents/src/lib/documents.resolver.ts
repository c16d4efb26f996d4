import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@civitas/shared/domain';
import { Connection, ParseIdPipe } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import { DocumentSearchService } from './document-search.service';
import { DocumentsService } from './documents.service';
import {
  CreateDocumentFolderInput,
  Document,
  DocumentConnection,
  DocumentFolder,
  DocumentQuota,
  DocumentsArgs,
  DocumentSearchArgs,
  DocumentSearchHit,
  DocumentTrashArgs,
  DocumentVersion,
  DocumentVersionConnection,
  DocumentVersionsArgs,
} from './document.types';

const id = (what: string) => new ParseIdPipe(what);

@Resolver(() => Document)
export class DocumentsResolver {
  constructor(
    private readonly service: DocumentsService,
    private readonly searching: DocumentSearchService,
  ) {}

  @RequirePermission(Permission.DOCUMENTS_READ)
  @Query(() => [DocumentFolder], {
    description:
      "Every folder of a group's library (not in the trash), for the tree; flat, with parentId.",
  })
  documentFolders(
    @CurrentUser() user: AuthUser,
    @Args('groupId', { type: () => ID }, id('Working group')) groupId: string,
  ): Promise<DocumentFolder[]> {
    return this.service.folders(user, groupId);
  }

  @RequirePermission(Permission.DOCUMENTS_READ)
  @Query(() => DocumentConnection, {
    description: 'The documents of one folder (or the top) of an owner: a group library, a post…',
  })
  documents(
    @CurrentUser() user: AuthUser,
    @Args() args: DocumentsArgs,
  ): Promise<Connection<Document>> {
    return this.service.documents(user, args);
  }

  @RequirePermission(Permission.DOCUMENTS_READ)
  @Query(() => Document, { description: 'NOT_FOUND when it does not exist for me.' })
  document(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, id('Document')) docId: string,
  ) {
    return this.service.document(user, docId);
  }

  @RequirePermission(Permission.DOCUMENTS_READ)
  @Query(() => DocumentVersionConnection, { description: 'Newest first.' })
  documentVersions(
    @CurrentUser() user: AuthUser,
    @Args() args: DocumentVersionsArgs,
  ): Promise<Connection<DocumentVersion>> {
    return this.service.versions(user, args);
  }

  @RequirePermission(Permission.DOCUMENTS_READ)
  @Query(() => DocumentConnection, {
    description: "A group library's trash, latest deleted first; purged after 30 days (purgeAt).",
  })
  documentTrash(
    @CurrentUser() user: AuthUser,
    @Args() args: DocumentTrashArgs,
  ): Promise<Connection<Document>> {
    return this.service.trash(user, args);
  }

  @RequirePermission(Permission.DOCUMENTS_READ)
  @Query(() => [DocumentFolder], {
    description: "Folders in a group library's trash (with their contents).",
  })
  trashedDocumentFolders(
    @CurrentUser() user: AuthUser,
    @Args('groupId', { type: () => ID }, id('Working group')) groupId: string,
  ): Promise<DocumentFolder[]> {
    return this.service.trashedFolders(user, groupId);
  }

  @RequirePermission(Permission.DOCUMENTS_READ)
  @Query(() => DocumentQuota)
  documentQuota(
    @CurrentUser() user: AuthUser,
    @Args('groupId', { type: () => ID }, id('Working group')) groupId: string,
  ): Promise<DocumentQuota> {
    return this.service.quota(user, groupId);
  }

  @RequirePermission(Permission.DOCUMENTS_READ)
  @Query(() => [DocumentSearchHit], {
    description: 'Names and contents of the documents I may read, best first.',
  })
  documentSearch(
    @CurrentUser() user: AuthUser,
    @Args() args: DocumentSearchArgs,
  ): Promise<DocumentSearchHit[]> {
    return this.searching.search(user, args);
  }

  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Mutation(() => DocumentFolder)
  createDocumentFolder(
    @CurrentUser() user: AuthUser,
    @Args('input') input: CreateDocumentFolderInput,
  ): Promise<DocumentFolder> {
    return this.service.createFolder(user, input);
  }

  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Mutation(() => DocumentFolder)
  renameDocumentFolder(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, id('Folder')) folderId: string,
    @Args('name') name: string,
  ): Promise<DocumentFolder> {
    return this.service.renameFolder(user, folderId, name);
  }

  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Mutation(() => DocumentFolder, { description: 'parentId null: to the top of the library.' })
  moveDocumentFolder(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, id('Folder')) folderId: string,
    @Args('parentId', { type: () => ID, nullable: true }) parentId: string | null,
  ): Promise<DocumentFolder> {
    return this.service.moveFolder(user, folderId, parentId ?? null);
  }

  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Mutation(() => DocumentFolder, { description: 'To the trash, with everything in it.' })
  deleteDocumentFolder(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, id('Folder')) folderId: string,
  ): Promise<DocumentFolder> {
    return this.service.deleteFolder(user, folderId);
  }

  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Mutation(() => DocumentFolder, { description: 'Coordinators and the office.' })
  restoreDocumentFolder(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, id('Folder')) folderId: string,
  ): Promise<DocumentFolder> {
    return this.service.restoreFolder(user, folderId);
  }

  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Mutation(() => Document, { description: 'The extension stays (it says what the file is).' })
  renameDocument(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, id('Document')) docId: string,
    @Args('name') name: string,
  ): Promise<Document> {
    return this.service.renameDocument(user, docId, name);
  }

  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Mutation(() => Document, { description: 'folderId null: to the top of the library.' })
  moveDocument(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, id('Document')) docId: string,
    @Args('folderId', { type: () => ID, nullable: true }) folderId: string | null,
  ): Promise<Document> {
    return this.service.moveDocument(user, docId, folderId ?? null);
  }

  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Mutation(() => Document, { description: 'To the trash (its author, coordinators, the office).' })
  deleteDocument(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, id('Document')) docId: string,
  ): Promise<Document> {
    return this.service.deleteDocument(user, docId);
  }

  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Mutation(() => Document, { description: 'From the trash (coordinators, the office).' })
  restoreDocument(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, id('Document')) docId: string,
  ): Promise<Document> {
    return this.service.restoreDocument(user, docId);
  }

  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Mutation(() => Document, {
    description: 'Makes an old version current again, as a new version (history is kept).',
  })
  restoreDocumentVersion(
    @CurrentUser() user: AuthUser,
    @Args('documentId', { type: () => ID }, id('Document')) documentId: string,
    @Args('versionId', { type: () => ID }, id('Document version')) versionId: string,
  ): Promise<Document> {
    return this.service.restoreVersion(user, documentId, versionId);
  }
}
