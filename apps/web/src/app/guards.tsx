import { Permission } from '@civitas/shared/domain';
import { useSession } from '@civitas/web/data-access';
import { LoadingState } from '@civitas/web/ui';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ForbiddenPage } from './ErrorPages';

export const HOME = '/cities';

/** While the session is being restored from the refresh cookie, show nothing but a spinner. */
function Restoring() {
  return <LoadingState />;
}

/** Signed-in routes: everyone else goes to the sign-in page, and comes back after. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <Restoring />;
  if (status !== 'signedIn') {
    return (
      <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />
    );
  }
  return children ?? <Outlet />;
}

export function RequirePermission({
  anyOf,
  children,
}: {
  anyOf: Permission[];
  children: ReactNode;
}) {
  const { can } = useSession();
  return anyOf.some(can) ? children : <ForbiddenPage />;
}

/** The sign-in page is pointless when signed in. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <Restoring />;
  if (status === 'signedIn') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from.startsWith('/') ? from : '/'} replace />;
  }
  return children;
}

/** `/`: the directory when signed in (a guest, who may not read it, gets their profile), else the sign-in page. */
export function HomeRedirect() {
  const { status, can } = useSession();
  if (status === 'restoring') return <Restoring />;
  if (status !== 'signedIn') return <Navigate to="/sign-in" replace />;
  return <Navigate to={can(Permission.DIRECTORY_READ) ? HOME : '/profile'} replace />;
}
