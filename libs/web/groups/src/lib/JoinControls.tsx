import { Button } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import {
  JoinGroupDocument,
  RequestToJoinGroupDocument,
  toApiProblem,
} from '@civitas/web/data-access';
import { useErrorText } from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupErrorOverrides, joinAction } from './group-rules';
import { GROUPS_NS } from './i18n';
import { ReasonDialog } from './ReasonDialog';

/**
 * "Join" for an OPEN group (at once), "Ask to join" for a REQUEST group (with an
 * optional message in a dialog); nothing for members and invitation-only groups.
 * `onDone` receives the sentence to announce; `onError` the translated problem.
 */
export function JoinControls({
  group,
  onDone,
  onError,
  refetchQueries,
}: {
  group: { id: string; name: string; visibility: string; viewerRole?: string | null };
  onDone: (message: string) => void;
  onError: (message: string) => void;
  /** The active queries the join changes (by operation name). */
  refetchQueries: string[];
}) {
  const { t } = useTranslation(GROUPS_NS);
  const errorText = useErrorText();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [join, joining] = useMutation(JoinGroupDocument, { refetchQueries });
  const [request, requesting] = useMutation(RequestToJoinGroupDocument, { refetchQueries });
  const action = joinAction(group);
  const describe = (error: unknown) => {
    const problem = toApiProblem(error);
    return problem ? errorText.message(problem, groupErrorOverrides(t)) : '';
  };

  if (action === 'join') {
    return (
      <Button
        size="xs"
        loading={joining.loading}
        onClick={async () => {
          try {
            await join({ variables: { groupId: group.id } });
            onDone(t('groups.joined', { name: group.name }));
          } catch (error) {
            onError(describe(error));
          }
        }}
        aria-label={`${t('groups.join')}: ${group.name}`}
      >
        {t('groups.join')}
      </Button>
    );
  }
  if (action === 'request') {
    return (
      <>
        <Button
          size="xs"
          variant="outline"
          onClick={() => setDialogOpen(true)}
          aria-label={`${t('groups.requestJoin')}: ${group.name}`}
        >
          {t('groups.requestJoin')}
        </Button>
        <ReasonDialog
          opened={dialogOpen}
          title={t('groups.requestTitle', { name: group.name })}
          label={t('groups.requestMessage')}
          confirmLabel={t('groups.sendRequest')}
          loading={requesting.loading}
          error={requesting.error ? describe(requesting.error) : null}
          onClose={() => {
            setDialogOpen(false);
            requesting.reset();
          }}
          onConfirm={async (message) => {
            try {
              await request({
                variables: { input: { groupId: group.id, message: message || null } },
              });
              setDialogOpen(false);
              onDone(t('groups.requested', { name: group.name }));
            } catch {
              // shown in the dialog
            }
          }}
        />
      </>
    );
  }
  return null;
}
