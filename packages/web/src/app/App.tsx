import { Center, Loader, useDirection } from '@mantine/core';
import { isRtl } from '@tandem/domain';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Placeholder } from '../components/Placeholder';
import { UsersPage } from '../features/admin-users/UsersPage';
import { InboxPage } from '../features/approvals/InboxPage';
import { HomePage } from '../features/attention/HomePage';
import { AuditPage } from '../features/audit/AuditPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ParticipantCheckInsPanel } from '../features/check-ins/CheckInsPanel';
import { CohortPage } from '../features/cohort/CohortPage';
import { LogContactPage } from '../features/contacts/LogContactPage';
import { AttendancePage } from '../features/groups/AttendancePage';
import { GroupPage } from '../features/groups/GroupPage';
import { GroupsPage } from '../features/groups/GroupsPage';
import { MentorFormPage } from '../features/mentors/MentorFormPage';
import { MentorsPage } from '../features/mentors/MentorsPage';
import { MentorshipFilePage } from '../features/mentorships/MentorshipFilePage';
import { MentorshipsPage } from '../features/mentorships/MentorshipsPage';
import { MyWeekPage } from '../features/my-week/MyWeekPage';
import { ParticipantFilePage } from '../features/participants/ParticipantFilePage';
import { ParticipantFormPage } from '../features/participants/ParticipantFormPage';
import { ParticipantsPage } from '../features/participants/ParticipantsPage';
import { PortalPage } from '../features/portal/PortalPage';
import { PortalInvitePanel } from '../features/portal-invite/PortalInvitePanel';
import { RiskDetailPage } from '../features/risks/RiskDetailPage';
import { RiskFormPage } from '../features/risks/RiskFormPage';
import { RiskListPage } from '../features/risks/RiskListPage';
import { AppLayout } from '../features/shell/AppLayout';
import { homeOf } from '../features/shell/nav';
import { MentorshipTasksPanel, ParticipantTasksPanel } from '../features/tasks/MountedPanels';
import { applyLocale } from './i18n';
import { useMe } from './session';

export function App() {
  const { t } = useTranslation();
  const me = useMe();
  const { setDirection } = useDirection();
  const locale = me.data?.user.locale;
  useEffect(() => {
    if (!locale) return;
    setDirection(isRtl(locale) ? 'rtl' : 'ltr');
    void applyLocale(locale);
  }, [locale, setDirection]);

  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (!me.data) return <LoginPage />;
  if (me.data.mustChangePassword) return <ChangePasswordPage />;
  const user = me.data;
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<AppLayout me={user} />}>
          <Route index element={<Navigate to={homeOf(user.role)} replace />} />
          <Route path="/users" element={<UsersPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/participants" element={<ParticipantsPage />} />
          <Route path="/participants/new" element={<ParticipantFormPage />} />
          <Route path="/participants/:id/edit" element={<ParticipantFormPage />} />
          <Route
            path="/participants/:id"
            element={
              <>
                <ParticipantFilePage />
                <PortalInvitePanel />
                <ParticipantTasksPanel />
                <ParticipantCheckInsPanel />
              </>
            }
          />
          <Route path="/mentors" element={<MentorsPage />} />
          <Route path="/mentors/new" element={<MentorFormPage />} />
          <Route path="/mentors/:id/edit" element={<MentorFormPage />} />
          <Route path="/caseload" element={<ParticipantsPage caseload />} />
          <Route path="/log-contact" element={<LogContactPage />} />
          <Route path="/home" element={<HomePage />} />
          <Route path="/mentorships" element={<MentorshipsPage />} />
          <Route
            path="/mentorships/:id"
            element={
              <>
                <MentorshipFilePage />
                <MentorshipTasksPanel />
              </>
            }
          />
          <Route path="/cohort" element={<CohortPage />} />
          <Route path="/approvals" element={<InboxPage />} />
          <Route path="/report-risk" element={<RiskFormPage />} />
          <Route path="/risks" element={<RiskListPage />} />
          <Route path="/risks/:id" element={<RiskDetailPage />} />
          <Route path="/groups" element={<GroupsPage />} />
          <Route path="/groups/:id" element={<GroupPage />} />
          <Route path="/groups/:id/meetings/:meetingId" element={<AttendancePage />} />
          <Route path="/my-week" element={<MyWeekPage />} />
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/reports" element={<Placeholder titleKey="nav.reports" />} />
          <Route path="/my-mentorship" element={<PortalPage />} />
          <Route path="*" element={<Navigate to={homeOf(user.role)} replace />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
