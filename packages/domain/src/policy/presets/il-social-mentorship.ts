import type { Policy } from '../schema';
import { israelEmergencyGuidance } from './emergency';

/** P1 · Social mentorship in community mental-health rehabilitation (Israel). */
export const ilSocialMentorship = {
  timeZone: 'Asia/Jerusalem',
  weekStartsOn: 'sunday', // the Israeli program week starts on Sunday (MOH-3 counts per week)
  contactModes: ['in_person', 'video', 'phone', 'messenger'], // visits (MOH-3) and virtual meetings (MOH-7)
  supportDomains: {
    ruleId: 'MOH-2',
    domains: [
      'communication_skills',
      'emotion_management',
      'family_conflicts',
      'social_situations',
      'personal_affairs', // budget, daily tasks
      'recovery', // doctor talks, medication responsibility
      'community_leisure',
      'education_employment',
      'rights_claims', // forms, accompaniment to organisations
      'leisure_volunteering',
      'social_networks', // safe use
      'relationships',
    ],
  },
  plan: { ruleId: 'MOH-1', minGoals: 1 }, // a rehabilitation plan with at least one goal
  matchApproval: { ruleId: 'MOH-1', approverRole: 'coordinator' }, // the professional coordinator matches
  weeklyCap: {
    ruleId: 'MOH-3',
    maxHours: 3, // 3 hours a week in total
    maxVisits: 2, // once or twice a week
    countedModes: ['in_person'], // visits; virtual meetings have their own cap (MOH-7)
    overrideRole: 'coordinator', // more needs a recorded reason / coordinator override
  },
  virtual: {
    ruleId: 'MOH-7',
    modes: ['video', 'phone'],
    maxHoursPerWeek: 3, // up to three hours a week
    approvalHorizonMonths: 3, // beyond three months needs approval
    approverRole: 'committee', // the District Coordinator approves continuation
    noticeDays: 14,
  },
  trial: { ruleId: 'MOH-4', months: 3, reviewerRole: 'coordinator', noticeDays: 14 }, // 3-month trial
  duration: {
    ruleId: 'MOH-5',
    defaultMonths: 24, // typically one to two years
    extensionApproverRole: 'committee', // the Rehabilitation Committee approves extensions
    endNoticeDays: 30,
  },
  totalDurationCap: { ruleId: 'MOH-6', maxMonths: 36, noticeDays: 90 }, // at most 3 years in total per person
  mentorMinAge: { ruleId: 'MOH-10', years: 21 }, // the mentor is at least 21
  culturalMatch: { ruleId: 'MOH-11', sharedLanguageRequired: true }, // culturally and linguistically matched
  mentorNotFamily: { ruleId: 'MOH-12' }, // not a family member
  training: { ruleId: 'MOH-13' }, // training completed before a first match (no hour count given)
  contactRhythm: { kind: 'weekly', ruleId: 'MOH-3' }, // the mentor visits every week
  hospitalization: {
    ruleId: 'MOH-15',
    suspendAfterMonths: 3, // discontinued after the third month of hospitalization
    renewalOpensDaysBeforeDischarge: 14, // renewal possible from two weeks before discharge
  },
  groups: {
    ruleId: 'MOH-8',
    minParticipants: 12, // 12 to 15 participants
    maxParticipants: 15,
    minMeetings: 15, // 15 to 20 meetings
    maxMeetings: 20,
    meetingMinutes: 60, // weekly, one hour
    onePerServicePeriod: { ruleId: 'MOH-9' }, // one group per service period
  },
  // Every program's mentors record signs of risk (platform capability 8); high and immediate alert at once.
  riskReferral: {
    ruleId: 'PLATFORM-8',
    alertRole: 'coordinator',
    immediateSeverities: ['high', 'immediate'],
    emergencyGuidance: israelEmergencyGuidance,
  },
  rematch: { ruleId: 'MOH-16', waitingNoticeDays: 14 }, // the coordinator finds a replacement mentor
} satisfies Policy;
