import type { Policy } from '../schema';
import { israelEmergencyGuidance } from './emergency';

/** P2 · Community Mentors (Israel): trained citizens and students in field placements. */
export const ilCommunityMentors = {
  timeZone: 'Asia/Jerusalem',
  weekStartsOn: 'sunday', // weekly field work (CM-2) counted in Israeli weeks
  contactModes: ['in_person', 'video', 'phone', 'messenger'], // individual or group companionship (CM-2)
  matchApproval: { ruleId: 'CM-5', approverRole: 'coordinator' }, // the institutional coordinator places mentors
  training: { ruleId: 'CM-1', requiredHours: 50 }, // 50-hour training before the first placement
  participantMinAge: { ruleId: 'CM-3', years: 16 }, // service users are 16 or older
  contactRhythm: { kind: 'weekly', ruleId: 'CM-2' }, // mentors work weekly in their placements
  riskReferral: {
    ruleId: 'CM-4',
    alertRole: 'coordinator', // mentors are gatekeepers; the coordinator is alerted
    immediateSeverities: ['low', 'medium', 'high', 'immediate'], // "at once" for every observed sign of risk
    emergencyGuidance: israelEmergencyGuidance,
  },
  rematch: { ruleId: 'CM-5', waitingNoticeDays: 14 }, // the coordinator handles placement matching
} satisfies Policy;
