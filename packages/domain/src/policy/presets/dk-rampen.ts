import type { Policy } from '../schema';
import { denmarkEmergencyGuidance } from './emergency';

/** P3 · Volunteer social mentors on the way to a flex job (Denmark, "Rampen til det gode job"). */
export const dkRampen = {
  timeZone: 'Europe/Copenhagen',
  weekStartsOn: 'monday', // the Danish week starts on Monday
  contactModes: ['in_person', 'phone', 'video', 'messenger'], // a walk, coffee, a phone call (RAMP-2)
  supportDomains: {
    ruleId: 'RAMP-3',
    domains: ['employment', 'network', 'leisure', 'everyday_life'], // contact supports the path to a flex job
  },
  plan: {
    ruleId: 'RAMP-3',
    minGoals: 1,
    requiredDomains: [{ ruleId: 'RAMP-3', domain: 'employment' }], // an employment goal on the plan
  },
  consent: { ruleId: 'RAMP-1' }, // the citizen decides whether to have a mentor
  briefing: { ruleId: 'RAMP-4' }, // the mentor is briefed on the project's aim before meeting
  contactRhythm: { kind: 'agreed', ruleId: 'RAMP-5' }, // citizen and mentor agree on frequency together
  // Every program's mentors record signs of risk (platform capability 8); high and immediate alert at once.
  riskReferral: {
    ruleId: 'PLATFORM-8',
    alertRole: 'coordinator',
    immediateSeverities: ['high', 'immediate'],
    emergencyGuidance: denmarkEmergencyGuidance,
  },
} satisfies Policy;
