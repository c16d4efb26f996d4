import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import {
  ApiRequestError,
  AuthSession,
  createCache,
  SessionProvider,
} from '@civitas/web/data-access';
import { CivitasUiProvider, createI18n, type Language } from '../index';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';

/**
 * Renders one page at `route` as the app would (i18n with the library's translations,
 * Mantine, mocked API, session, router): the shared harness of the web libraries' tests.
 */
export function renderPage(
  page: ReactElement,
  options: {
    /** The library's translations by namespace, e.g. `{ [ACCOUNT_NS]: accountTranslations }`. */
    translations: Parameters<typeof createI18n>[0];
    path: string;
    route?: string;
    mocks?: MockLink.MockedResponse[];
    language?: Language;
    session?: AuthSession;
    otherRoutes?: Record<string, ReactElement>;
  },
) {
  const i18n = createI18n(options.translations, {
    language: options.language ?? 'pl',
    persist: false,
  });
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
