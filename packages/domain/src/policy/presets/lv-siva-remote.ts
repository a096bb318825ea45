import type { Policy } from '../schema';

/** P4 · Remote social mentoring in vocational rehabilitation (Latvia, SIVA). */
export const lvSivaRemote = {
  timeZone: 'Europe/Riga',
  weekStartsOn: 'monday', // the Latvian week starts on Monday
  contactModes: ['email', 'phone', 'messenger'], // email, phone or messenger (SIVA-5)
  supportDomains: {
    ruleId: 'SIVA-2',
    domains: ['wellbeing', 'study_progress', 'problems', 'daily_tasks', 'hobbies'], // daily check-in topics, tasks (SIVA-3)
  },
  matchApproval: { ruleId: 'SIVA-1', approverRole: 'coordinator' }, // every student is allocated a specialist mentor
  contactRhythm: { kind: 'daily', ruleId: 'SIVA-2' }, // mentors contact each student daily
} satisfies Policy;
