import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { FORUM_BODY_MAX, FORUM_TITLE_MAX } from '@civitas/shared/domain';
import { CreateForumThreadDocument } from '@civitas/web/data-access';
import { ErrorAlert, ErrorSummary, summaryItems } from '@civitas/web/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { GROUPS_NS } from './i18n';
import { MentionTextarea } from './MentionTextarea';
import { replyBodyError, threadTitleError } from './thread-rules';
import { useForumError } from './useForumError';

/** "Nowy wątek": title and Markdown body; opens the new thread's page once created. */
export function NewThreadForm({ groupId, onCancel }: { groupId: string; onCancel: () => void }) {
  const { t } = useTranslation(GROUPS_NS);
  const describe = useForumError();
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
      setFailed(describe(error, 'createThread'));
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
        <MentionTextarea
          id="new-thread-body"
          groupId={groupId}
          label={t('thread.body')}
          description={t('thread.bodyHint', { max: FORUM_BODY_MAX })}
          value={body}
          onChange={setBody}
          error={bodyError}
          rows={6}
          required
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
