import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import {
  AcknowledgePrivacyNoticeDocument,
  MyPrivacyNoticeDocument,
  PrivacyNoticeDocument,
  type PrivacyNoticeFieldsFragment,
} from '@civitas/web/data-access';
import { ErrorAlert, LoadingState, Page, useFormatters } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { usePrivacyError } from './errors';
import { PRIVACY_NS } from './i18n';

/** The notice's text in the reader's language (HTML sanitised by the API). */
function NoticeBody({ notice }: { notice: PrivacyNoticeFieldsFragment }) {
  const { t, i18n } = useTranslation(PRIVACY_NS);
  const f = useFormatters();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('notice.version', { version: notice.version, date: f.date(notice.publishedAt) })}
      </Text>
      <div
        className="civitas-markdown"
        dangerouslySetInnerHTML={{
          __html: i18n.language === 'en' ? notice.bodyEnHtml : notice.bodyPlHtml,
        }}
      />
    </Stack>
  );
}

/** The current privacy notice, for anyone (no sign-in needed). */
export function PrivacyNoticePage() {
  const { t } = useTranslation(PRIVACY_NS);
  const errorOf = usePrivacyError();
  const { data, error, loading } = useQuery(PrivacyNoticeDocument);
  return (
    <Page title={t('notice.title')} narrow>
      {error && <ErrorAlert>{errorOf(error)}</ErrorAlert>}
      {loading && !data && <LoadingState />}
      {data && !data.privacyNotice && <Text>{t('notice.none')}</Text>}
      {data?.privacyNotice && <NoticeBody notice={data.privacyNotice} />}
    </Page>
  );
}

/**
 * After sign-in: a version of the notice the person has not acknowledged is shown in a
 * dialog that closes only by acknowledging it (recorded with the version and time).
 */
export function PrivacyNoticeGate() {
  const { t } = useTranslation(PRIVACY_NS);
  const errorOf = usePrivacyError();
  const { data } = useQuery(MyPrivacyNoticeDocument, { fetchPolicy: 'network-only' });
  const [acknowledge, state] = useMutation(AcknowledgePrivacyNoticeDocument, {
    refetchQueries: ['MyPrivacyNotice'],
    awaitRefetchQueries: true,
  });
  const status = data?.myPrivacyNotice;
  const notice = status?.current;
  const opened = !!status?.needsAcknowledgement && !!notice;
  return (
    <Modal.Root
      opened={opened}
      onClose={() => undefined}
      closeOnEscape={false}
      closeOnClickOutside={false}
      size="lg"
      centered
    >
      <Modal.Overlay />
      <Modal.Content aria-describedby="privacy-gate-intro">
        <Modal.Header {...({ component: 'div' } as object)}>
          <Modal.Title fw={700}>{t('notice.gateTitle')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Stack>
            <Text id="privacy-gate-intro">{t('notice.gateIntro')}</Text>
            {notice && <NoticeBody notice={notice} />}
            {state.error && <ErrorAlert>{errorOf(state.error)}</ErrorAlert>}
            <Group justify="flex-end">
              <Button
                loading={state.loading}
                onClick={() =>
                  notice &&
                  void acknowledge({ variables: { version: notice.version } }).catch(
                    () => undefined,
                  )
                }
              >
                {t('notice.acknowledge')}
              </Button>
            </Group>
          </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
