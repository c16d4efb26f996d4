import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DocumentOwnerKind } from '@civitas/shared/domain';
import { LoaderRegistry, Loaders } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser } from '@civitas/api/auth';
import { Document, DocumentsService } from '@civitas/api/documents';
import { ForumPost } from './forum.types';

/**
 * A post's attached files. The author uploads them after saving the post:
 * POST /api/documents?ownerKind=FORUM_POST&ownerId=<post id>&name=… (see README).
 */
@Resolver(() => ForumPost)
export class ForumAttachmentsResolver {
  constructor(private readonly documents: DocumentsService) {}

  @ResolveField(() => [Document], {
    description: 'Files attached to the post (documents owned by FORUM_POST), oldest first.',
  })
  attachments(
    @Parent() post: ForumPost,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Document[]> {
    return loaders
      .get(
        'forumPostAttachments',
        () =>
          new DataLoader<string, Document[]>(async (postIds) => {
            const found = await this.documents.attachments(
              user,
              DocumentOwnerKind.FORUM_POST,
              postIds,
            );
            return postIds.map((id) => found.get(id) ?? []);
          }),
      )
      .load(post.id);
  }
}
