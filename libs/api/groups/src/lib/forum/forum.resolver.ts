import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ForumThreadFollow, Permission } from '@civitas/shared/domain';
import { Connection, LoaderRegistry, Loaders, ParseIdPipe } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import { WorkingGroup } from '../group.entity';
import { ForumLoaders } from './forum.loaders';
import { ForumService } from './forum.service';
import {
  CreateForumThreadInput,
  EditForumPostInput,
  ForumPost,
  ForumPostConnection,
  ForumPostRevision,
  ForumPostsArgs,
  ForumThread,
  ForumThreadConnection,
  ForumThreadsArgs,
  HidePostInput,
  ModerateThreadInput,
  MoveThreadInput,
  ReactToPostInput,
  ReplyToThreadInput,
} from './forum.types';

const threadId = () => new ParseIdPipe('Forum thread');
const postId = () => new ParseIdPipe('Forum post');

@Resolver(() => ForumThread)
export class ForumThreadResolver {
  constructor(private readonly service: ForumService) {}

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => ForumThreadConnection, {
    description:
      "A group's forum: pinned threads first, then by last activity. Members and the office.",
  })
  forumThreads(
    @Args() args: ForumThreadsArgs,
    @CurrentUser() user: AuthUser,
  ): Promise<Connection<ForumThread>> {
    return this.service.threads(user, args);
  }

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => ForumThread, { description: 'NOT_FOUND when hidden from the caller.' })
  forumThread(
    @Args('id', { type: () => ID }, threadId()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumThread> {
    return this.service.thread(user, id);
  }

  @RequirePermission(Permission.GROUPS_READ)
  @Query(() => [ForumPostRevision], {
    description: 'Earlier versions of an edited post, oldest first.',
  })
  postRevisions(
    @Args('postId', { type: () => ID }, postId()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumPostRevision[]> {
    return this.service.revisions(user, id);
  }

  @RequirePermission(Permission.GROUP_JOIN)
  @Mutation(() => ForumThread, { description: 'A member opens a thread in their group.' })
  createForumThread(
    @Args('input') input: CreateForumThreadInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumThread> {
    return this.service.createThread(user, input);
  }

  @RequirePermission(Permission.GROUP_JOIN)
  @Mutation(() => ForumPost, { description: 'CONFLICT when the thread is locked.' })
  replyToThread(
    @Args('input') input: ReplyToThreadInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumPost> {
    return this.service.reply(user, input);
  }

  @RequirePermission(Permission.GROUP_JOIN)
  @Mutation(() => ForumPost, { description: 'Its author edits a post; the old version is kept.' })
  editForumPost(
    @Args('input') input: EditForumPostInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumPost> {
    return this.service.edit(user, input);
  }

  @RequirePermission(Permission.GROUP_JOIN)
  @Mutation(() => ForumPost, { description: 'Its author removes a post; "post removed" stays.' })
  deleteForumPost(
    @Args('postId', { type: () => ID }, postId()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumPost> {
    return this.service.remove(user, id);
  }

  @RequirePermission(Permission.GROUP_JOIN)
  @Mutation(() => ForumPost, { description: 'CONFLICT when I already reacted with it.' })
  reactToPost(
    @Args('input') input: ReactToPostInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumPost> {
    return this.service.react(user, input);
  }

  @RequirePermission(Permission.GROUP_JOIN)
  @Mutation(() => ForumPost)
  unreactToPost(
    @Args('input') input: ReactToPostInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumPost> {
    return this.service.unreact(user, input);
  }

  @RequirePermission(Permission.GROUPS_READ)
  @Mutation(() => ForumThread, { description: 'I have read the thread up to this post.' })
  markThreadRead(
    @Args('threadId', { type: () => ID }, threadId()) thread: string,
    @Args('upToPostId', { type: () => ID }, postId()) upTo: string,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumThread> {
    return this.service.markRead(user, thread, upTo);
  }

  @RequirePermission(Permission.GROUPS_READ)
  @Mutation(() => ForumThread, { description: 'Follow, mute, or neither.' })
  setThreadFollow(
    @Args('threadId', { type: () => ID }, threadId()) thread: string,
    @Args('follow', { type: () => ForumThreadFollow }) follow: ForumThreadFollow,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumThread> {
    return this.service.setFollow(user, thread, follow);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => ForumThread, { description: 'Coordinators pin (on) or unpin (off).' })
  pinThread(
    @Args('input') input: ModerateThreadInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumThread> {
    return this.service.moderateThread(user, input, 'pin');
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => ForumThread, { description: 'Coordinators lock (on) or unlock (off).' })
  lockThread(
    @Args('input') input: ModerateThreadInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumThread> {
    return this.service.moderateThread(user, input, 'lock');
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => ForumThread, {
    description: 'Coordinators hide (on, with a reason) or show again (off).',
  })
  hideThread(
    @Args('input') input: ModerateThreadInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumThread> {
    return this.service.moderateThread(user, input, 'hide');
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => ForumPost, {
    description: 'Coordinators hide a post (with a reason) or show it.',
  })
  hidePost(@Args('input') input: HidePostInput, @CurrentUser() user: AuthUser): Promise<ForumPost> {
    return this.service.hidePost(user, input);
  }

  @RequirePermission(Permission.GROUP_COORDINATE)
  @Mutation(() => ForumThread, { description: 'To another group the caller coordinates.' })
  moveThread(
    @Args('input') input: MoveThreadInput,
    @CurrentUser() user: AuthUser,
  ): Promise<ForumThread> {
    return this.service.move(user, input);
  }

  @ResolveField(() => ForumPostConnection)
  posts(
    @Parent() thread: ForumThread,
    @Args() args: ForumPostsArgs,
  ): Promise<Connection<ForumPost>> {
    return this.service.posts(thread, args);
  }
}

@Resolver(() => WorkingGroup)
export class ForumGroupResolver {
  constructor(private readonly loaders: ForumLoaders) {}

  @ResolveField(() => Int, {
    description:
      'Threads with posts I have not read (0 when I am not a member); muted ones left out.',
  })
  unreadCount(
    @Parent() group: WorkingGroup,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<number> {
    return this.loaders.unreadThreads(loaders, user.id).load(group.id);
  }
}
