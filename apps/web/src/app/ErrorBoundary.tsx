import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function CrashNotice() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack role="alert">
        <Title order={1}>{t('errors.title')}</Title>
        <Text>{t('errors.UNKNOWN')}</Text>
        <div>
          <Button onClick={() => window.location.reload()}>{t('actions.retry')}</Button>
        </div>
      </Stack>
    </Container>
  );
}

/** Last line of defence: a rendering bug shows a translated notice instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Civitas crashed while rendering', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashNotice /> : this.props.children;
  }
}
