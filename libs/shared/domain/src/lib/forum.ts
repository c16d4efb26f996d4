/** The working groups' forum (DOMAIN.md, "Working groups"): threads, posts, reactions. */

/** The fixed set of reactions; one of each per person per post. */
export enum ForumReaction {
  THUMBS_UP = 'THUMBS_UP',
  HEART = 'HEART',
  LAUGH = 'LAUGH',
  TADA = 'TADA',
  THINKING = 'THINKING',
  EYES = 'EYES',
}

export const FORUM_REACTION_EMOJI: Readonly<Record<ForumReaction, string>> = {
  [ForumReaction.THUMBS_UP]: '👍',
  [ForumReaction.HEART]: '❤️',
  [ForumReaction.LAUGH]: '😄',
  [ForumReaction.TADA]: '🎉',
  [ForumReaction.THINKING]: '🤔',
  [ForumReaction.EYES]: '👀',
};

/** Whether a person is told about replies in a thread. */
export enum ForumThreadFollow {
  FOLLOWING = 'FOLLOWING',
  MUTED = 'MUTED',
  /** Neither: the default for someone who has not written in the thread. */
  NONE = 'NONE',
}

export const FORUM_TITLE_MAX = 200;
/** The same limit as every Markdown text (api/markdown's MARKDOWN_MAX_LENGTH). */
export const FORUM_BODY_MAX = 20000;
export const FORUM_POSTS_PAGE_DEFAULT = 50;
