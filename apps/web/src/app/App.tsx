import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient, createAuthSession, SessionProvider } from '@civitas/web/data-access';
import { CivitasUiProvider } from '@civitas/web/ui';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { createAppI18n } from './i18n';
import { AppRoutes } from './routes';

/** Providers, outermost first: language and theme, API client, session, router. */
export function App() {
  const [{ i18n, session, client }] = useState(() => {
    const session = createAuthSession();
    return { i18n: createAppI18n(), session, client: createApolloClient(session) };
  });
  return (
    <CivitasUiProvider i18n={i18n}>
      <ErrorBoundary>
        <ApolloProvider client={client}>
          <SessionProvider session={session}>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </SessionProvider>
        </ApolloProvider>
      </ErrorBoundary>
    </CivitasUiProvider>
  );
}
