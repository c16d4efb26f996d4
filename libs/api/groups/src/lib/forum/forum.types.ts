import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  IsInt,
} from 'class-validator';
import {
  FORUM_POSTS_PAGE_DEFAULT,
  ForumReaction,
  ForumThreadFollow,
  GROUP_MESSAGE_MAX,
  PAGE_SIZE_MAX,
} from '@civitas/shared/domain';
import { ConnectionType, PageArgs } from '@civitas/api/core';
import { GroupMemberOrganisation } from '../group.entity';

registerEnumType(ForumReaction, {
  name: 'ForumReaction',
  description: '👍 THUMBS_UP, ❤️ HEART, 😄 LAUGH, 🎉 TADA, 🤔 THINKING, 👀 EYES',
});
registerEnumType(ForumThreadFollow, { name: 'ForumThreadFollow' });

/** A post's author as the forum shows them: name, position and city. */
@ObjectType()
export class ForumAuthor {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  position: string | null;

  @Field(() => GroupMemberOrganisation)
  organisation: GroupMemberOrganisation;
}

@ObjectType({ description: 'How many people reacted with one emoji, and whether I did.' })
export class ForumReactionCount {
  @Field(() => ForumReaction)
  reaction: ForumReaction;

  @Field(() => Int)
  count: number;

  @Field()
  reactedByMe: boolean;
}

@ObjectType({
  description: 'A thread of a working group forum; its opening post is its first post.',
})
export class ForumThread {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  groupId: string;

  @Field()
  title: string;

  @Field()
  pinned: boolean;

  @Field({ description: 'A locked thread takes no new replies.' })
  locked: boolean;

  @Field({ description: 'Hidden by a coordinator: only coordinators and the office see it.' })
  hidden: boolean;

  @Field(() => String, { nullable: true })
  hiddenReason: string | null;

  @Field()
  lastActivityAt: Date;

  @Field()
  createdAt: Date;

  @Field(() => ForumAuthor, { nullable: true })
  author: ForumAuthor | null;

  @Field(() => Int, { description: 'Posts I have not read yet (the opening post included).' })
  newReplyCount: number;

  @Field(() => ID, { nullable: true, description: 'Where "jump to first unread" goes.' })
  firstUnreadPostId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Pass as `posts(after:)` to start the page at my first unread post; null when all is read.',
  })
  unreadCursor: string | null;

  @Field(() => ForumThreadFollow)
  viewerFollow: ForumThreadFollow;

  /** The viewer coordinates the group (or is the office): sees hidden posts. */
  moderates: boolean;
  /** Whose page this is: their reactions are marked on the posts. */
  viewerId: string;
  /** Keyset of the thread list. */
  activityKey: string;
}

@ObjectType()
export class ForumPost {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  threadId: string;

  @Field(() => Int, { description: 'Position in the thread, 1 for the opening post.' })
  position: number;

  @Field(() => ForumAuthor, { nullable: true, description: 'Null once the account is gone.' })
  author: ForumAuthor | null;

  @Field(() => [ForumReactionCount])
  reactions: ForumReactionCount[];

  @Field(() => String, {
    nullable: true,
    description: 'Sanitised HTML; null when the post was removed by its author.',
  })
  bodyHtml: string | null;

  @Field(() => String, { nullable: true, description: 'The Markdown source, for editing.' })
  bodySource: string | null;

  @Field(() => ID, { nullable: true })
  quotedPostId: string | null;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Removed by its author ("post removed").' })
  deletedAt: Date | null;

  @Field()
  hidden: boolean;

  @Field(() => String, { nullable: true })
  hiddenReason: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'An earlier version of a post, kept when it was edited.' })
export class ForumPostRevision {
  @Field(() => ID)
  id: string;

  @Field()
  bodyHtml: string;

  @Field()
  bodySource: string;

  @Field({ description: 'When this version was written.' })
  writtenAt: Date;
}

@ObjectType()
export class ForumThreadConnection extends ConnectionType(ForumThread) {}

@ObjectType()
export class ForumPostConnection extends ConnectionType(ForumPost) {}

@ArgsType()
export class ForumThreadsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a working group id' })
  groupId: string;
}

@ArgsType()
export class ForumPostsArgs {
  @Field(() => Int, {
    defaultValue: FORUM_POSTS_PAGE_DEFAULT,
    description: `At most ${PAGE_SIZE_MAX}.`,
  })
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  first: number = FORUM_POSTS_PAGE_DEFAULT;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

/* Lengths are checked by the service, which names the limits in its message. */

@InputType()
export class CreateForumThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a working group id' })
  groupId: string;

  @Field()
  @IsString()
  title: string;

  @Field({ description: 'Markdown; @[Name](user:<id>) mentions a member of the group.' })
  @IsString()
  body: string;
}

@InputType()
export class ReplyToThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a forum thread id' })
  threadId: string;

  @Field()
  @IsString()
  body: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Quote this post of the thread above the reply.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a forum post id' })
  quotedPostId?: string;
}

@InputType()
export class EditForumPostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a forum post id' })
  postId: string;

  @Field()
  @IsString()
  body: string;
}

@InputType()
export class ModerateThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a forum thread id' })
  threadId: string;

  @Field({ description: 'true to pin, lock or hide; false to undo it.' })
  @IsBoolean()
  on: boolean;

  @Field(() => String, { nullable: true, description: 'Why; required to hide.' })
  @IsOptional()
  @IsString()
  @MaxLength(GROUP_MESSAGE_MAX)
  reason?: string;
}

@InputType()
export class HidePostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a forum post id' })
  postId: string;

  @Field({ description: 'true to hide, false to show again.' })
  @IsBoolean()
  hidden: boolean;

  @Field(() => String, { nullable: true, description: 'Why; required to hide.' })
  @IsOptional()
  @IsString()
  @MaxLength(GROUP_MESSAGE_MAX)
  reason?: string;
}

@InputType()
export class MoveThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a forum thread id' })
  threadId: string;

  @Field(() => ID, { description: 'Another group the caller coordinates.' })
  @IsUUID('all', { message: 'must be a working group id' })
  toGroupId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(GROUP_MESSAGE_MAX)
  reason?: string;
}

@InputType()
export class ReactToPostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a forum post id' })
  postId: string;

  @Field(() => ForumReaction)
  @IsEnum(ForumReaction)
  reaction: ForumReaction;
}
