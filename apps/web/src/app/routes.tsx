import { Permission } from '@civitas/shared/domain';
import {
  AcceptInvitationPage,
  ForgotPasswordPage,
  MyProfilePage,
  ResetPasswordPage,
  SignInPage,
} from '@civitas/web/account';
import { InvitationsPage, MembershipEditor } from '@civitas/web/admin';
import { ChatPanel } from '@civitas/web/chat';
import { useSession } from '@civitas/web/data-access';
import { CityPage, DirectoryPage, PeoplePage } from '@civitas/web/directory';
import { DocumentPage, GroupLibraryPage } from '@civitas/web/documents';
import { EventFormPage, EventPage, EventsCalendarPage } from '@civitas/web/events';
import { CreateGroupPage, GroupPage, GroupsPage, ThreadPage } from '@civitas/web/groups';
import {
  NewsletterConfirmPage,
  NewsletterIssueEditorPage,
  NewsletterIssuesPage,
  NewsletterSubscribePage,
  NewsletterUnsubscribePage,
} from '@civitas/web/newsletter';
import { NotificationsPage, UnsubscribePage } from '@civitas/web/notifications';
import {
  OpinionDashboardPage,
  OpinionLibraryPage,
  OpinionsPage,
  PublishedOpinionPage,
  RequestFormPage,
  RequestPage,
  TriagePage,
} from '@civitas/web/opinions';
import {
  MyPracticesPage,
  PracticeAreasPage,
  PracticeBookmarksPage,
  PracticeFormPage,
  PracticePage,
  PracticeReviewQueuePage,
  PracticeSearchPage,
} from '@civitas/web/practices';
import {
  TribunalCalendarPage,
  TribunalCasePage,
  TribunalCasesPage,
  TribunalDeadlinesPage,
  TribunalNewCasePage,
} from '@civitas/web/tribunal';
import {
  ConfirmEmailChangePage,
  PrivacyCentrePage,
  PrivacyNoticePage,
  PrivacyOfficePage,
} from '@civitas/web/privacy';
import {
  ConsultationFormPage,
  ConsultationPage,
  ConsultationsPage,
  LibraryPage,
  PositionFormPage,
  PositionPage,
} from '@civitas/web/positions';
import { PublicLayout } from '@civitas/web/ui';
import { Outlet, Route, Routes } from 'react-router';
import { NotFoundPage } from './ErrorPages';
import { HomeRedirect, RedirectIfSignedIn, RequireAuth, RequirePermission } from './guards';
import { SignedInShell } from './SignedInShell';

function PublicShell() {
  return (
    <PublicLayout>
      <Outlet />
    </PublicLayout>
  );
}

/** Unknown addresses get the frame that fits the visitor. */
function NotFoundRoute() {
  const { status } = useSession();
  return status === 'signedIn' ? (
    <RequireAuth>
      <SignedInShell />
    </RequireAuth>
  ) : (
    <PublicShell />
  );
}

/** Every route of the app; the domain libraries provide the pages, the app composes them. */
export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<HomeRedirect />} />
      <Route element={<PublicShell />}>
        <Route
          path="sign-in"
          element={
            <RedirectIfSignedIn>
              <SignInPage afterSignIn="/" />
            </RedirectIfSignedIn>
          }
        />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="invitation" element={<AcceptInvitationPage afterAccept="/" />} />
        <Route path="unsubscribe" element={<UnsubscribePage />} />
        <Route path="privacy-notice" element={<PrivacyNoticePage />} />
        <Route path="newsletter" element={<NewsletterSubscribePage />} />
        <Route path="newsletter/confirm" element={<NewsletterConfirmPage />} />
        <Route path="newsletter/unsubscribe" element={<NewsletterUnsubscribePage />} />
      </Route>
      <Route
        element={
          <RequireAuth>
            <SignedInShell />
          </RequireAuth>
        }
      >
        <Route
          path="cities"
          element={
            <RequirePermission anyOf={[Permission.DIRECTORY_READ]}>
              <DirectoryPage />
            </RequirePermission>
          }
        />
        <Route
          path="cities/:id"
          element={
            <RequirePermission anyOf={[Permission.DIRECTORY_READ]}>
              <CityPage MembershipEditor={MembershipEditor} />
            </RequirePermission>
          }
        />
        <Route
          path="people"
          element={
            <RequirePermission anyOf={[Permission.PEOPLE_READ]}>
              <PeoplePage />
            </RequirePermission>
          }
        />
        <Route
          path="groups"
          element={
            <RequirePermission anyOf={[Permission.GROUPS_READ]}>
              <GroupsPage />
            </RequirePermission>
          }
        />
        <Route
          path="groups/new"
          element={
            <RequirePermission anyOf={[Permission.GROUP_CREATE]}>
              <CreateGroupPage />
            </RequirePermission>
          }
        />
        <Route
          path="groups/:id"
          element={
            <RequirePermission anyOf={[Permission.GROUPS_READ]}>
              <GroupPage ChatPanel={ChatPanel} />
            </RequirePermission>
          }
        />
        <Route
          path="groups/:groupId/documents"
          element={
            <RequirePermission anyOf={[Permission.DOCUMENTS_READ]}>
              <GroupLibraryPage />
            </RequirePermission>
          }
        />
        <Route
          path="documents/:documentId"
          element={
            <RequirePermission anyOf={[Permission.DOCUMENTS_READ]}>
              <DocumentPage />
            </RequirePermission>
          }
        />
        <Route
          path="groups/:groupId/threads/:threadId"
          element={
            <RequirePermission anyOf={[Permission.GROUPS_READ]}>
              <ThreadPage />
            </RequirePermission>
          }
        />
        <Route
          path="opinions"
          element={
            <RequirePermission anyOf={[Permission.OPINIONS_READ]}>
              <OpinionsPage />
            </RequirePermission>
          }
        />
        <Route
          path="opinions/new"
          element={
            <RequirePermission anyOf={[Permission.OPINIONS_REQUEST]}>
              <RequestFormPage />
            </RequirePermission>
          }
        />
        <Route
          path="opinions/triage"
          element={
            <RequirePermission anyOf={[Permission.OPINIONS_TRIAGE]}>
              <TriagePage />
            </RequirePermission>
          }
        />
        <Route
          path="opinions/dashboard"
          element={
            <RequirePermission anyOf={[Permission.OPINIONS_TRIAGE]}>
              <OpinionDashboardPage />
            </RequirePermission>
          }
        />
        <Route
          path="opinions/library"
          element={
            <RequirePermission anyOf={[Permission.OPINION_LIBRARY_READ]}>
              <OpinionLibraryPage />
            </RequirePermission>
          }
        />
        <Route
          path="opinions/library/:id"
          element={
            <RequirePermission anyOf={[Permission.OPINION_LIBRARY_READ]}>
              <PublishedOpinionPage />
            </RequirePermission>
          }
        />
        <Route
          path="opinions/:id"
          element={
            <RequirePermission anyOf={[Permission.OPINIONS_READ]}>
              <RequestPage />
            </RequirePermission>
          }
        />
        <Route
          path="opinions/:id/edit"
          element={
            <RequirePermission anyOf={[Permission.OPINIONS_REQUEST]}>
              <RequestFormPage />
            </RequirePermission>
          }
        />
        <Route
          path="practices"
          element={
            <RequirePermission anyOf={[Permission.PRACTICES_READ]}>
              <PracticeSearchPage />
            </RequirePermission>
          }
        />
        <Route
          path="practices/new"
          element={
            <RequirePermission anyOf={[Permission.PRACTICE_SUBMIT]}>
              <PracticeFormPage />
            </RequirePermission>
          }
        />
        <Route
          path="practices/mine"
          element={
            <RequirePermission anyOf={[Permission.PRACTICE_SUBMIT]}>
              <MyPracticesPage />
            </RequirePermission>
          }
        />
        <Route
          path="practices/bookmarks"
          element={
            <RequirePermission anyOf={[Permission.PRACTICES_READ]}>
              <PracticeBookmarksPage />
            </RequirePermission>
          }
        />
        <Route
          path="practices/review"
          element={
            <RequirePermission anyOf={[Permission.PRACTICES_REVIEW]}>
              <PracticeReviewQueuePage />
            </RequirePermission>
          }
        />
        <Route
          path="practices/areas"
          element={
            <RequirePermission anyOf={[Permission.PRACTICES_REVIEW]}>
              <PracticeAreasPage />
            </RequirePermission>
          }
        />
        <Route
          path="practices/:practiceId"
          element={
            <RequirePermission anyOf={[Permission.PRACTICES_READ]}>
              <PracticePage />
            </RequirePermission>
          }
        />
        <Route
          path="practices/:practiceId/edit"
          element={
            <RequirePermission anyOf={[Permission.PRACTICE_SUBMIT]}>
              <PracticeFormPage />
            </RequirePermission>
          }
        />
        <Route
          path="positions"
          element={
            <RequirePermission anyOf={[Permission.POSITIONS_READ]}>
              <LibraryPage />
            </RequirePermission>
          }
        />
        <Route
          path="positions/new"
          element={
            <RequirePermission anyOf={[Permission.POSITIONS_MANAGE]}>
              <PositionFormPage key="new" mode="new" />
            </RequirePermission>
          }
        />
        <Route
          path="positions/consultations"
          element={
            <RequirePermission anyOf={[Permission.POSITIONS_READ]}>
              <ConsultationsPage />
            </RequirePermission>
          }
        />
        <Route
          path="positions/consultations/new"
          element={
            <RequirePermission anyOf={[Permission.POSITIONS_MANAGE]}>
              <ConsultationFormPage />
            </RequirePermission>
          }
        />
        <Route
          path="positions/consultations/:id"
          element={
            <RequirePermission anyOf={[Permission.POSITIONS_READ]}>
              <ConsultationPage />
            </RequirePermission>
          }
        />
        <Route
          path="positions/consultations/:id/adopt"
          element={
            <RequirePermission anyOf={[Permission.POSITIONS_MANAGE]}>
              <PositionFormPage key="adopt" mode="adopt" />
            </RequirePermission>
          }
        />
        <Route
          path="positions/:id"
          element={
            <RequirePermission anyOf={[Permission.POSITIONS_READ]}>
              <PositionPage />
            </RequirePermission>
          }
        />
        <Route
          path="positions/:id/edit"
          element={
            <RequirePermission anyOf={[Permission.POSITIONS_MANAGE]}>
              <PositionFormPage key="edit" mode="edit" />
            </RequirePermission>
          }
        />
        <Route
          path="newsletter/issues"
          element={
            <RequirePermission anyOf={[Permission.NEWSLETTER_MANAGE]}>
              <NewsletterIssuesPage />
            </RequirePermission>
          }
        />
        <Route
          path="newsletter/issues/new"
          element={
            <RequirePermission anyOf={[Permission.NEWSLETTER_MANAGE]}>
              <NewsletterIssueEditorPage />
            </RequirePermission>
          }
        />
        <Route
          path="newsletter/issues/:id"
          element={
            <RequirePermission anyOf={[Permission.NEWSLETTER_MANAGE]}>
              <NewsletterIssueEditorPage key="edit" />
            </RequirePermission>
          }
        />
        <Route
          path="tribunal"
          element={
            <RequirePermission anyOf={[Permission.TRIBUNAL_READ]}>
              <TribunalCasesPage />
            </RequirePermission>
          }
        />
        <Route
          path="tribunal/new"
          element={
            <RequirePermission anyOf={[Permission.TRIBUNAL_MANAGE]}>
              <TribunalNewCasePage />
            </RequirePermission>
          }
        />
        <Route
          path="tribunal/deadlines"
          element={
            <RequirePermission anyOf={[Permission.TRIBUNAL_READ]}>
              <TribunalDeadlinesPage />
            </RequirePermission>
          }
        />
        <Route
          path="tribunal/calendar"
          element={
            <RequirePermission anyOf={[Permission.TRIBUNAL_READ]}>
              <TribunalCalendarPage />
            </RequirePermission>
          }
        />
        <Route
          path="tribunal/:id"
          element={
            <RequirePermission anyOf={[Permission.TRIBUNAL_READ]}>
              <TribunalCasePage />
            </RequirePermission>
          }
        />
        <Route
          path="events"
          element={
            <RequirePermission anyOf={[Permission.EVENTS_READ]}>
              <EventsCalendarPage />
            </RequirePermission>
          }
        />
        <Route
          path="events/new"
          element={
            <RequirePermission anyOf={[Permission.EVENTS_ORGANISE]}>
              <EventFormPage />
            </RequirePermission>
          }
        />
        <Route
          path="events/:id"
          element={
            <RequirePermission anyOf={[Permission.EVENTS_READ]}>
              <EventPage />
            </RequirePermission>
          }
        />
        <Route
          path="events/:id/edit"
          element={
            <RequirePermission anyOf={[Permission.EVENTS_ORGANISE]}>
              <EventFormPage />
            </RequirePermission>
          }
        />
        <Route path="profile" element={<MyProfilePage />} />
        <Route
          path="privacy"
          element={
            <RequirePermission anyOf={[Permission.PROFILE_OWN]}>
              <PrivacyCentrePage />
            </RequirePermission>
          }
        />
        <Route
          path="privacy/confirm-email"
          element={
            <RequirePermission anyOf={[Permission.PROFILE_OWN]}>
              <ConfirmEmailChangePage />
            </RequirePermission>
          }
        />
        <Route
          path="privacy/office"
          element={
            <RequirePermission anyOf={[Permission.PRIVACY_MANAGE]}>
              <PrivacyOfficePage />
            </RequirePermission>
          }
        />
        <Route
          path="notifications"
          element={
            <RequirePermission anyOf={[Permission.PROFILE_OWN]}>
              <NotificationsPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/invitations"
          element={
            <RequirePermission
              anyOf={[Permission.INVITATION_CREATE_ANY, Permission.INVITATION_CREATE_OWN_CITY]}
            >
              <InvitationsPage />
            </RequirePermission>
          }
        />
      </Route>
      <Route element={<NotFoundRoute />}>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
