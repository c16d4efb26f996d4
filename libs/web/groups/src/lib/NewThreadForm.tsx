import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { FORUM_BODY_MAX, FORUM_TITLE_MAX, PAGE_SIZE_DEFAULT } from '@civitas/shared/domain';
import {
  CreateForumThreadDocument,
  GroupMembersDocument,
  toApiProblem,
} from '@civitas/web/data-access';
import { ErrorAlert, ErrorSummary, summaryItems, useErrorText } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { GROUPS_NS } from './i18n';
import {
  mentionMarkdown,
  replyBodyError,
  threadErrorOverrides,
  threadTitleError,
} from './thread-rules';

/** Picks a group member and inserts `@[Name](user:<id>)` (the API's mention syntax). */
export function MentionPicker({
  groupId,
  onInsert,
}: {
  groupId: string;
  onInsert: (mention: string) => void;
}) {
  const { t } = useTranslation(GROUPS_NS);
  const [chosen, setChosen] = useState<string | null>(null);
  const { data } = useQuery(GroupMembersDocument, {
    variables: { groupId, first: PAGE_SIZE_DEFAULT },
  });
  const people = (data?.groupMembers.edges ?? []).map((e) => e.node.person);
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label={t('thread.mention')}
        searchable
        w={280}
        value={chosen}
        onChange={setChosen}
        data={people.map((p) => ({ value: p.id, label: `${p.name} (${p.organisation.name})` }))}
      />
      <Button
        variant="default"
        disabled={!chosen}
        onClick={() => {
          const person = people.find((p) => p.id === chosen);
          if (person) onInsert(mentionMarkdown(person.name, person.id));
          setChosen(null);
        }}
      >
        {t('thread.mentionInsert')}
      </Button>
    </Group>
  );
}

/** "Nowy wątek": title and Markdown body; opens the new thread's page once created. */
export function NewThreadForm({ groupId, onCancel }: { groupId: string; onCancel: () => void }) {
  const { t } = useTranslation(GROUPS_NS);
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [failed, setFailed] = useState('');
  const [create, { loading }] = useMutation(CreateForumThreadDocument, {
    refetchQueries: ['GroupForumThreads'],
  });
  const titleRule = threadTitleError(title);
  const bodyRule = replyBodyError(body);
  const titleError = submitted && titleRule ? t(titleRule.key, titleRule.values) : null;
  const bodyError = submitted && bodyRule ? t(bodyRule.key, bodyRule.values) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailed('');
    if (titleRule || bodyRule) return;
    try {
      const result = await create({
        variables: { input: { groupId, title: title.trim(), body: body.trim() } },
      });
      const thread = result.data?.createForumThread;
      if (thread) navigate(`/groups/${thread.groupId}/threads/${thread.id}`);
    } catch (error) {
      const problem = toApiProblem(error);
      setFailed(problem ? errorText.message(problem, threadErrorOverrides(t)) : '');
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-thread-heading">
      <Stack gap="sm">
        <h3 id="new-thread-heading" style={{ margin: 0 }}>
          {t('thread.newThreadHeading')}
        </h3>
        <ErrorSummary
          items={summaryItems([
            ['new-thread-title', t('thread.title'), titleError],
            ['new-thread-body', t('thread.body'), bodyError],
          ])}
        />
        {failed && <ErrorAlert>{failed}</ErrorAlert>}
        <TextInput
          id="new-thread-title"
          label={t('thread.title')}
          description={t('thread.titleHint', { max: FORUM_TITLE_MAX })}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={titleError}
          required
        />
        <Textarea
          id="new-thread-body"
          label={t('thread.body')}
          description={t('thread.bodyHint', { max: FORUM_BODY_MAX })}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={bodyError}
          rows={6}
          required
        />
        <MentionPicker
          groupId={groupId}
          onInsert={(mention) => setBody(body ? `${body} ${mention}` : mention)}
        />
        <Group gap="xs">
          <Button type="submit" loading={loading}>
            {t('thread.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('thread.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
