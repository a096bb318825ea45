import type { Policy } from '../schema';
import { denmarkEmergencyGuidance } from './emergency';

/** P5 · Municipal social mentor for unemployed citizens (Denmark, jobcentre). */
export const dkMunicipalMentor = {
  timeZone: 'Europe/Copenhagen',
  weekStartsOn: 'monday', // the Danish week starts on Monday
  contactModes: ['in_person', 'phone', 'video', 'messenger', 'email'], // meetings at home, jobcentre, letters (MUNI-2)
  supportDomains: {
    ruleId: 'MUNI-1',
    domains: [
      'personal_guidance', // personal guide and support
      'motivation', // motivating coach
      'system_guide', // guide through the system and authorities (MUNI-2)
      'education_job_bridge', // bridge to education or job
      'resource_clarification', // competences passed to job consultants (MUNI-3)
      'language_culture', // language and cultural support (MUNI-4)
      'network', // social and labour-market network
    ],
  },
  accompaniment: {
    ruleId: 'MUNI-2',
    types: ['authority_meeting', 'letters', 'doctor', 'psychologist', 'physiotherapist', 'other'],
  },
  finance: {
    ruleId: 'MUNI-6',
    refundShare: 0.5, // the state refunds 50 % (LAB §120)
    refundableCosts: ['mentor_wages', 'mentor_training'], // hourly wages and mentor training
    excludedTargetGroups: ['vulnerable_young_unemployed'], // chapter 23 of the act is excluded
    outsideRefundCeiling: true, // mentor costs are outside the refund ceiling
  },
  // Every program's mentors record signs of risk (platform capability 8); high and immediate alert at once.
  riskReferral: {
    ruleId: 'PLATFORM-8',
    alertRole: 'coordinator',
    immediateSeverities: ['high', 'immediate'],
    emergencyGuidance: denmarkEmergencyGuidance,
  },
} satisfies Policy;
