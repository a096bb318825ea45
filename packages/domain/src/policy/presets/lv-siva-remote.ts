import type { Policy } from '../schema';
import { latviaEmergencyGuidance } from './emergency';

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
  // Every program's mentors record signs of risk (platform capability 8); high and immediate alert at once.
  riskReferral: {
    ruleId: 'PLATFORM-8',
    alertRole: 'coordinator',
    immediateSeverities: ['high', 'immediate'],
    emergencyGuidance: latviaEmergencyGuidance,
  },
  // A sustained drop in the student's own daily wellbeing check-ins alerts mentor and coordinator.
  wellbeingWarning: { ruleId: 'SIVA-2', recentCheckIns: 3, dropPoints: 1.5, lowStreakDays: 3 },
} satisfies Policy;
