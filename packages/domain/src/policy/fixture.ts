import { deepMerge } from './resolve';
import { type Policy, zPolicy } from './schema';

/**
 * A neutral policy with every rule switched on, for testing the engine apart
 * from any real program (each preset is tested against its own rules).
 * Rule IDs are the requirement IDs the sections were drawn from.
 */
export const FIXTURE_POLICY: Policy = zPolicy.parse({
  timeZone: 'Europe/Copenhagen',
  weekStartsOn: 'monday',
  contactModes: ['in_person', 'video', 'phone', 'messenger', 'email'],
  supportDomains: { ruleId: 'MOH-2', domains: ['employment', 'wellbeing', 'leisure', 'recovery'] },
  accompaniment: { ruleId: 'MUNI-2', types: ['authority_meeting', 'letters', 'doctor', 'other'] },
  plan: { ruleId: 'MOH-1', minGoals: 1 },
  matchApproval: { ruleId: 'MOH-1', approverRole: 'coordinator' },
  weeklyCap: {
    ruleId: 'MOH-3',
    maxHours: 3,
    maxVisits: 2,
    countedModes: ['in_person'],
    overrideRole: 'coordinator',
  },
  virtual: {
    ruleId: 'MOH-7',
    modes: ['video', 'phone'],
    maxHoursPerWeek: 3,
    approvalHorizonMonths: 3,
    approverRole: 'committee',
    noticeDays: 14,
  },
  trial: { ruleId: 'MOH-4', months: 3, reviewerRole: 'coordinator', noticeDays: 14 },
  duration: { ruleId: 'MOH-5', defaultMonths: 24, extensionApproverRole: 'committee', endNoticeDays: 30 },
  totalDurationCap: { ruleId: 'MOH-6', maxMonths: 36, noticeDays: 90 },
  mentorMinAge: { ruleId: 'MOH-10', years: 21 },
  participantMinAge: { ruleId: 'CM-3', years: 16 },
  mentorNotFamily: { ruleId: 'MOH-12' },
  training: { ruleId: 'MOH-13', requiredHours: 10 },
  consent: { ruleId: 'RAMP-1' },
  briefing: { ruleId: 'RAMP-4' },
  contactRhythm: { kind: 'agreed', ruleId: 'RAMP-5', defaultEveryDays: 7 },
  hospitalization: { ruleId: 'MOH-15', suspendAfterMonths: 3, renewalOpensDaysBeforeDischarge: 14 },
  groups: {
    ruleId: 'MOH-8',
    minParticipants: 3,
    maxParticipants: 5,
    minMeetings: 2,
    maxMeetings: 4,
    meetingMinutes: 60,
    onePerServicePeriod: { ruleId: 'MOH-9' },
  },
  riskReferral: {
    ruleId: 'CM-4',
    alertRole: 'coordinator',
    immediateSeverities: ['high', 'immediate'],
    emergencyGuidance: [
      {
        text: { en: 'Call 112', he: 'חייגו 112', ar: 'اتصل بـ 112', da: 'Ring 112', lv: 'Zvaniet 112' },
        phone: '112',
      },
    ],
  },
  wellbeingWarning: { ruleId: 'SIVA-2', recentCheckIns: 3, dropPoints: 1.5, lowStreakDays: 3 },
  rematch: { ruleId: 'MOH-16', waitingNoticeDays: 14 },
});

/** The fixture with some sections changed (`null` removes a section). */
export function fixturePolicy(overrides: Record<string, unknown> = {}): Policy {
  return zPolicy.parse(deepMerge(structuredClone(FIXTURE_POLICY), overrides));
}
