import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import {
  ApiRequestError,
  AuthSession,
  createCache,
  SessionProvider,
} from '@civitas/web/data-access';
import { CivitasUiProvider, createI18n, type Language } from '@civitas/web/ui';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { directoryTranslations, DIRECTORY_NS } from './i18n';

/** Renders one page of this library at `route`, as the app would: i18n, Mantine, mocked API, session, router. */
export function renderPage(
  page: ReactElement,
  options: {
    path: string;
    route?: string;
    mocks?: MockLink.MockedResponse[];
    language?: Language;
    session?: AuthSession;
    otherRoutes?: Record<string, ReactElement>;
  },
) {
  const i18n = createI18n(
    { [DIRECTORY_NS]: directoryTranslations },
    { language: options.language ?? 'pl', persist: false },
  );
  const session =
    options.session ??
    new AuthSession({
      requestRefresh: () =>
        Promise.reject(new ApiRequestError({ code: 'UNAUTHENTICATED', message: '', fields: [] })),
    });
  const result = render(
    <CivitasUiProvider i18n={i18n} env="test">
      <MockedProvider mocks={options.mocks ?? []} cache={createCache()}>
        <SessionProvider session={session}>
          <MemoryRouter initialEntries={[options.route ?? options.path]}>
            <Routes>
              <Route path={options.path} element={page} />
              {Object.entries(options.otherRoutes ?? {}).map(([path, element]) => (
                <Route key={path} path={path} element={element} />
              ))}
            </Routes>
          </MemoryRouter>
        </SessionProvider>
      </MockedProvider>
    </CivitasUiProvider>,
  );
  return { ...result, session };
}
