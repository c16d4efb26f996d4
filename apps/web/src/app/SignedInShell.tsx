import { useApolloClient } from '@apollo/client/react';
import { Permission } from '@civitas/shared/domain';
import { RealtimeProvider, useRealtimeEvent, useSession } from '@civitas/web/data-access';
import { NotificationBell, setUnreadCount } from '@civitas/web/notifications';
import { PrivacyNoticeGate } from '@civitas/web/privacy';
import { AppLayout, ErrorAlert, type NavItem } from '@civitas/web/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';

/**
 * The bell follows `notification:new` at once: the count the event carries goes into the
 * cache (every reader of useUnreadNotifications follows) and open notification lists refetch.
 */
function LiveNotifications() {
  const client = useApolloClient();
  useRealtimeEvent('notification:new', (event) => {
    setUnreadCount(client.cache, event.unreadCount);
    Promise.resolve(client.refetchQueries({ include: ['Notifications'] })).catch(() => {
      // The list is refreshed again when it is next opened.
    });
  });
  return null;
}

/**
 * The signed-in frame; its menu shows only what the person's role allows. It holds the
 * tab's one realtime connection (chat, live forum, live bell).
 */
export function SignedInShell() {
  return (
    <RealtimeProvider>
      <LiveNotifications />
      <SignedInFrame />
    </RealtimeProvider>
  );
}

function SignedInFrame() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [signOutFailed, setSignOutFailed] = useState(false);
  const user = session.user;
  if (!user) return null;

  const nav: NavItem[] = [];
  if (session.can(Permission.DIRECTORY_READ)) nav.push({ to: '/cities', label: t('nav.cities') });
  if (session.can(Permission.PEOPLE_READ)) nav.push({ to: '/people', label: t('nav.people') });
  if (session.can(Permission.GROUPS_READ)) nav.push({ to: '/groups', label: t('nav.groups') });
  if (session.can(Permission.OPINION_LIBRARY_READ))
    nav.push({ to: '/opinions', label: t('opinions:nav.title') });
  if (session.can(Permission.PRACTICES_READ))
    nav.push({ to: '/practices', label: t('practices:nav.title') });
  // Guests and experts may ask but see no cases: the menu offers the Tribunal to the office and cities.
  if (session.can(Permission.TRIBUNAL_MANAGE) || session.can(Permission.TRIBUNAL_JOIN))
    nav.push({ to: '/tribunal', label: t('tribunal:nav.title') });
  if (session.can(Permission.EVENTS_READ))
    nav.push({ to: '/events', label: t('events:nav.title') });
  if (session.can(Permission.POSITIONS_READ))
    nav.push({ to: '/positions', label: t('positions:nav.title') });
  if (
    session.can(Permission.INVITATION_CREATE_ANY) ||
    session.can(Permission.INVITATION_CREATE_OWN_CITY)
  ) {
    nav.push({ to: '/admin/invitations', label: t('nav.invitations') });
  }
  if (session.can(Permission.NEWSLETTER_MANAGE))
    nav.push({ to: '/newsletter/issues', label: t('newsletter:nav.title') });
  if (session.can(Permission.PRIVACY_MANAGE))
    nav.push({ to: '/privacy/office', label: t('privacy:nav.office') });
  nav.push({ to: '/profile', label: t('nav.profile') });
  if (session.can(Permission.PROFILE_OWN))
    nav.push({ to: '/privacy', label: t('privacy:nav.centre') });

  async function signOut(allDevices: boolean) {
    setSignOutFailed(false);
    try {
      await session.signOut({ allDevices });
      navigate('/sign-in', { replace: true });
    } catch {
      setSignOutFailed(true);
    }
  }

  return (
    <AppLayout
      navItems={nav}
      user={{ name: user.name, organisationName: user.organisation.name }}
      onSignOut={() => void signOut(false)}
      onSignOutEverywhere={() => void signOut(true)}
      headerActions={session.can(Permission.PROFILE_OWN) ? <NotificationBell /> : undefined}
    >
      {signOutFailed && <ErrorAlert>{t('userMenu.signOutEverywhereFailed')}</ErrorAlert>}
      {session.can(Permission.PROFILE_OWN) && <PrivacyNoticeGate />}
      <Outlet />
    </AppLayout>
  );
}
