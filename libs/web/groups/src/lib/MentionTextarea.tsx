import { Paper, Text, Textarea, type TextareaProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { GroupMembersDocument } from '@civitas/web/data-access';
import {
  type KeyboardEvent,
  type Ref,
  type SyntheticEvent,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPS_NS } from './i18n';
import { insertMention, type MentionQuery, mentionMarkdown, mentionQueryAt } from './thread-rules';

/** How many members the suggestions offer. */
export const MENTION_SUGGESTIONS = 8;

/**
 * A Markdown textarea that suggests group members while `@name` is typed: a listbox under
 * it (arrows choose, Enter or a click inserts `@[Name](user:<id>)`, Escape closes), the
 * active option announced through `aria-activedescendant`, the number found through a
 * polite live region. The textarea keeps its own role (a textarea may not be a combobox).
 */
export function MentionTextarea({
  groupId,
  value,
  onChange,
  textareaRef,
  ...props
}: Omit<TextareaProps, 'value' | 'onChange'> & {
  groupId: string;
  value: string;
  onChange: (value: string) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
}) {
  const { t } = useTranslation(GROUPS_NS);
  const listId = useId();
  const ownRef = useRef<HTMLTextAreaElement | null>(null);
  const [typing, setTyping] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const caretAfter = useRef<number | null>(null);
  const [search] = useDebouncedValue(typing?.query ?? '', 200);
  // Until the debounced search catches up with a new `@`, the old answers are not shown.
  const open =
    !!typing &&
    dismissed !== typing.start &&
    search.length > 0 &&
    typing.query.toLowerCase().startsWith(search.toLowerCase());
  const { data } = useQuery(GroupMembersDocument, {
    variables: { groupId, search, first: MENTION_SUGGESTIONS },
    skip: !open,
  });
  const people = open && data && typing ? data.groupMembers.edges.map((e) => e.node.person) : [];
  const shown = people.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  // After an insertion the caret goes right after the mention.
  useLayoutEffect(() => {
    if (caretAfter.current !== null && ownRef.current) {
      ownRef.current.setSelectionRange(caretAfter.current, caretAfter.current);
      caretAfter.current = null;
    }
  });

  function track(text: string, caret: number) {
    const found = mentionQueryAt(text, caret);
    setTyping(found);
    if (found?.query !== typing?.query) setActive(0);
    if (!found) setDismissed(null);
  }

  function choose(person: { id: string; name: string }) {
    const textarea = ownRef.current;
    if (!typing || !textarea) return;
    const result = insertMention(
      value,
      typing,
      textarea.selectionStart ?? value.length,
      mentionMarkdown(person.name, person.id),
    );
    caretAfter.current = result.caret;
    setTyping(null);
    onChange(result.text);
    textarea.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!shown || !typing) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => (i + 1) % people.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i - 1 + people.length) % people.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(people[Math.min(active, people.length - 1)]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(typing.start);
    }
  }

  const onCaretMove = (event: SyntheticEvent<HTMLTextAreaElement>) =>
    track(event.currentTarget.value, event.currentTarget.selectionStart ?? 0);

  return (
    <div style={{ position: 'relative' }}>
      <Textarea
        {...props}
        ref={(node) => {
          ownRef.current = node;
          if (typeof textareaRef === 'function') textareaRef(node);
          else if (textareaRef) textareaRef.current = node;
        }}
        value={value}
        onChange={(event) => {
          onChange(event.currentTarget.value);
          track(event.currentTarget.value, event.currentTarget.selectionStart ?? 0);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => {
          if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') onCaretMove(event);
        }}
        onClick={onCaretMove}
        onBlur={() => setTyping(null)}
        aria-autocomplete="list"
        aria-controls={shown ? listId : undefined}
        aria-activedescendant={shown ? optionId(active) : undefined}
      />
      <div className="civitas-visually-hidden" aria-live="polite">
        {shown ? t('thread.mentionSuggestions', { count: people.length }) : ''}
      </div>
      {shown && (
        <Paper
          withBorder
          shadow="sm"
          p={4}
          mt={4}
          component="ul"
          id={listId}
          role="listbox"
          aria-label={t('thread.mentionList')}
          style={{ listStyle: 'none', maxWidth: 420, margin: 0 }}
        >
          {people.map((person, index) => (
            <li
              key={person.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Keeps the focus (and the caret) in the textarea.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(person)}
              onMouseEnter={() => setActive(index)}
              style={{
                padding: '6px 8px',
                borderRadius: 4,
                cursor: 'pointer',
                background: index === active ? 'var(--mantine-color-blue-0)' : undefined,
                outline: index === active ? '2px solid var(--mantine-color-blue-9)' : undefined,
              }}
            >
              <Text size="sm" fw={600} component="span">
                {person.name}
              </Text>{' '}
              <Text size="sm" c="gray.8" component="span">
                ({person.organisation.name})
              </Text>
            </li>
          ))}
        </Paper>
      )}
    </div>
  );
}
