import type { Role } from '@tandem/domain';

export interface NavItem {
  path: string;
  labelKey: string;
}

/** What each role works with; the server refuses the rest anyway (TEN-10). */
export const NAV: Record<Role, NavItem[]> = {
  admin: [
    { path: '/users', labelKey: 'nav.users' },
    { path: '/audit', labelKey: 'nav.audit' },
    { path: '/home', labelKey: 'nav.home' },
    { path: '/participants', labelKey: 'nav.participants' },
    { path: '/mentors', labelKey: 'nav.mentors' },
    { path: '/mentorships', labelKey: 'nav.mentorships' },
    { path: '/risks', labelKey: 'nav.risks' },
    { path: '/groups', labelKey: 'nav.groups' },
    { path: '/cohort', labelKey: 'cohort.nav' },
    { path: '/approvals', labelKey: 'nav.approvals' },
  ],
  coordinator: [
    { path: '/home', labelKey: 'nav.home' },
    { path: '/participants', labelKey: 'nav.participants' },
    { path: '/mentors', labelKey: 'nav.mentors' },
    { path: '/mentorships', labelKey: 'nav.mentorships' },
    { path: '/risks', labelKey: 'nav.risks' },
    { path: '/groups', labelKey: 'nav.groups' },
    { path: '/cohort', labelKey: 'cohort.nav' },
    { path: '/approvals', labelKey: 'nav.approvals' },
  ],
  mentor: [
    { path: '/home', labelKey: 'nav.home' },
    { path: '/caseload', labelKey: 'nav.caseload' },
    { path: '/log-contact', labelKey: 'nav.logContact' },
    { path: '/report-risk', labelKey: 'nav.reportRisk' },
    { path: '/my-week', labelKey: 'nav.myWeek' },
    { path: '/groups', labelKey: 'nav.groups' },
  ],
  committee: [
    { path: '/inbox', labelKey: 'nav.inbox' },
    { path: '/home', labelKey: 'nav.home' },
  ],
  evaluator: [{ path: '/reports', labelKey: 'nav.reports' }],
  participant: [{ path: '/my-mentorship', labelKey: 'nav.myMentorship' }],
};

export const homeOf = (role: Role) => NAV[role][0]!.path;
