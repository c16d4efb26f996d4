import { describe, expect, it } from 'vitest';
import { forumConflictKey, insertMention, mentionQueryAt } from './thread-rules';

describe('forumConflictKey', () => {
  it('reads a CONFLICT by what the person was doing', () => {
    expect(forumConflictKey('reply', 'This thread is locked: it takes no new replies')).toBe(
      'thread.conflict.locked',
    );
    expect(forumConflictKey('react', 'You already reacted to this post with 👍')).toBe(
      'thread.conflict.reacted',
    );
    expect(forumConflictKey('edit', 'This post was removed; it cannot be edited')).toBe(
      'thread.conflict.editRemoved',
    );
    expect(forumConflictKey('edit', 'Something else')).toBe('thread.conflict.edit');
    expect(forumConflictKey('moderate', 'Some other state')).toBe('thread.conflict.other');
    expect(forumConflictKey('follow', 'This thread is locked')).toBe('thread.conflict.locked');
  });
});

describe('mentionQueryAt', () => {
  it('finds the name being typed after @', () => {
    expect(mentionQueryAt('Dzięki, @an', 11)).toEqual({ start: 8, query: 'an' });
    expect(mentionQueryAt('@Łuk', 4)).toEqual({ start: 0, query: 'Łuk' });
    expect(mentionQueryAt('(@Anna Now', 10)).toEqual({ start: 1, query: 'Anna Now' });
  });

  it('ignores addresses, a bare @, finished mentions and text after the caret', () => {
    expect(mentionQueryAt('biuro@civitas', 13)).toBeNull();
    expect(mentionQueryAt('napisz @', 8)).toBeNull();
    expect(mentionQueryAt('@[Anna Nowak](user:u8) ', 23)).toBeNull();
    expect(mentionQueryAt('@an i dalej', 11)).toBeNull();
    expect(mentionQueryAt('@an i dalej', 3)).toEqual({ start: 0, query: 'an' });
  });
});

describe('insertMention', () => {
  it('replaces the typed @name and puts the caret after the mention', () => {
    expect(
      insertMention('Dzięki, @an!', { start: 8, query: 'an' }, 11, '@[Anna Nowak](user:u8)'),
    ).toEqual({ text: 'Dzięki, @[Anna Nowak](user:u8) !', caret: 31 });
    expect(insertMention('@an dalej', { start: 0, query: 'an' }, 3, '@[A](user:1)')).toEqual({
      text: '@[A](user:1) dalej',
      caret: 13,
    });
  });
});
