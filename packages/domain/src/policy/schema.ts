import { z } from 'zod';
import { ACCOMPANIMENT_TYPES, CONTACT_MODES } from '../contacts/modes';
import { LOCALES, ROLES } from '../roles';
import { isValidTimeZone, WEEKDAYS } from '../time/zone';

/**
 * A program's rules as data. Every section is optional, because programs differ:
 * a section that is absent means the program has no such rule. Each section
 * carries the `ruleId` it enforces, so a refusal names the program's own rule
 * (training is MOH-13 in one program and CM-1 in another) and the engine never
 * asks which country it is in.
 */
const zRuleId = z.string().regex(/^[A-Z][A-Z0-9]*-\d+$/, 'rule ID like MOH-3');
const zRole = z.enum(ROLES);
const zMode = z.enum(CONTACT_MODES);
const zModes = z.array(zMode).min(1);
const zKey = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower_snake_case key');
const zCount = z.number().int().positive();
const zDays = z.number().int().nonnegative();
const zWeeklyHours = z.number().positive().max(168);

/** CM-4: how serious a sign of risk is; `immediate` means danger now (call emergency services). */
export const RISK_SEVERITIES = ['low', 'medium', 'high', 'immediate'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

export const REFUNDABLE_COSTS = ['mentor_wages', 'mentor_training'] as const;

const zRule = z.strictObject({ ruleId: zRuleId });

/** A text in every language of the platform (program data shown to staff as is). */
const zGuidanceText = z.string().trim().min(1).max(400);
const zLocalized = z.strictObject(
  Object.fromEntries(LOCALES.map((l) => [l, zGuidanceText])) as Record<
    (typeof LOCALES)[number],
    typeof zGuidanceText
  >,
);

/** One step of a program's emergency guidance: what to do, and the number to call if there is one. */
const zGuidanceStep = z.strictObject({
  text: zLocalized,
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 -]{1,19}$/, 'a phone number')
    .optional(),
});

const zContactRhythm = z.discriminatedUnion('kind', [
  /** A reached contact every program-calendar day (SIVA-2). */
  z.strictObject({ kind: z.literal('daily'), ruleId: zRuleId }),
  /** A reached contact in every program week. */
  z.strictObject({ kind: z.literal('weekly'), ruleId: zRuleId }),
  /** Each mentorship agrees its own interval in days (RAMP-5); the default applies until it does. */
  z.strictObject({ kind: z.literal('agreed'), ruleId: zRuleId, defaultEveryDays: zCount.optional() }),
]);

export const zPolicy = z
  .strictObject({
    /** IANA zone of the program; weeks, days and months are counted in it. */
    timeZone: z.string().refine(isValidTimeZone, 'unknown IANA time zone'),
    /** First day of the program week (Sunday in Israel). */
    weekStartsOn: z.enum(WEEKDAYS),
    /** Contact modes this program logs. */
    contactModes: zModes,
    /** Support domains that goals and contacts are tagged with. */
    supportDomains: z.strictObject({ ruleId: zRuleId, domains: z.array(zKey).min(1) }).optional(),
    /** Kinds of accompaniment a contact can record. */
    accompaniment: z
      .strictObject({ ruleId: zRuleId, types: z.array(z.enum(ACCOMPANIMENT_TYPES)).min(1) })
      .optional(),
    /** A plan with at least `minGoals` goals before a mentorship starts; some domains may be required. */
    plan: z
      .strictObject({
        ruleId: zRuleId,
        minGoals: zCount,
        requiredDomains: z.array(z.strictObject({ ruleId: zRuleId, domain: zKey })).optional(),
      })
      .optional(),
    /** Who approves a match before it starts. */
    matchApproval: z.strictObject({ ruleId: zRuleId, approverRole: zRole }).optional(),
    /** Cap per program week on hours and visits of the counted modes; exceeding it needs a recorded reason. */
    weeklyCap: z
      .strictObject({
        ruleId: zRuleId,
        maxHours: zWeeklyHours,
        maxVisits: zCount.optional(),
        countedModes: zModes,
        overrideRole: zRole,
      })
      .optional(),
    /** Virtual mentorship: its own weekly cap, and continuation beyond a horizon needs approval. */
    virtual: z
      .strictObject({
        ruleId: zRuleId,
        modes: zModes,
        maxHoursPerWeek: zWeeklyHours,
        approvalHorizonMonths: zCount,
        approverRole: zRole,
        noticeDays: zDays,
      })
      .optional(),
    /** Trial period at the start of a mentorship, ending in a review. */
    trial: z
      .strictObject({ ruleId: zRuleId, months: zCount, reviewerRole: zRole, noticeDays: zDays })
      .optional(),
    /** Planned length of a mentorship; passing the planned end needs an approved extension. */
    duration: z
      .strictObject({
        ruleId: zRuleId,
        defaultMonths: zCount,
        extensionApproverRole: zRole,
        endNoticeDays: zDays,
      })
      .optional(),
    /** Cap on a person's mentorship time in total, across mentors and restarts. */
    totalDurationCap: z.strictObject({ ruleId: zRuleId, maxMonths: zCount, noticeDays: zDays }).optional(),
    mentorMinAge: z.strictObject({ ruleId: zRuleId, years: zCount }).optional(),
    participantMinAge: z.strictObject({ ruleId: zRuleId, years: zCount }).optional(),
    /** The mentor may not be a family member of the participant. */
    mentorNotFamily: zRule.optional(),
    /** Training completed before a first match; `requiredHours` when the program counts hours. */
    training: z
      .strictObject({ ruleId: zRuleId, requiredHours: z.number().nonnegative().optional() })
      .optional(),
    /** Documented consent of the participant before a match. */
    consent: zRule.optional(),
    /** The mentor acknowledges a briefing before the first contact. */
    briefing: zRule.optional(),
    /** Shared language required; culture scored (used by matching). */
    culturalMatch: z.strictObject({ ruleId: zRuleId, sharedLanguageRequired: z.boolean() }).optional(),
    contactRhythm: zContactRhythm.optional(),
    /** Long hospitalization suspends the service; renewal opens before discharge. */
    hospitalization: z
      .strictObject({
        ruleId: zRuleId,
        suspendAfterMonths: zCount,
        renewalOpensDaysBeforeDischarge: zDays,
      })
      .optional(),
    /** Group programs: size and meeting-count bounds; one group per service period. */
    groups: z
      .strictObject({
        ruleId: zRuleId,
        minParticipants: zCount,
        maxParticipants: zCount,
        minMeetings: zCount,
        maxMeetings: zCount,
        meetingMinutes: zCount,
        onePerServicePeriod: zRule.optional(),
      })
      .optional(),
    /** Risk observations alert a role at once and are tracked to a referral outcome. */
    riskReferral: z
      .strictObject({
        ruleId: zRuleId,
        alertRole: zRole,
        immediateSeverities: z.array(z.enum(RISK_SEVERITIES)).min(1),
        /** What the mentor does at once when a sign is high or immediate: the program's own steps and numbers. */
        emergencyGuidance: z.array(zGuidanceStep).min(1).max(10).optional(),
      })
      .optional(),
    /**
     * Early warning on the participant's own daily check-ins: a sustained drop
     * in wellbeing, or a run of days at the lowest score, alerts the mentor and
     * the coordinator (see `earlyWarning` in checkins/early-warning.ts).
     */
    wellbeingWarning: z
      .strictObject({
        ruleId: zRuleId,
        /** The moving average is taken over this many latest check-ins. */
        recentCheckIns: zCount,
        /** A fall of at least this many points against the check-ins before is a drop. */
        dropPoints: z.number().positive().max(4),
        /** This many consecutive program days at 1 is a warning on its own. */
        lowStreakDays: zCount,
      })
      .optional(),
    /** Participants waiting for a (new) mentor alert the coordinator after some days. */
    rematch: z.strictObject({ ruleId: zRuleId, waitingNoticeDays: zDays }).optional(),
    /** State refund of mentor costs. */
    finance: z
      .strictObject({
        ruleId: zRuleId,
        refundShare: z.number().min(0).max(1),
        refundableCosts: z.array(z.enum(REFUNDABLE_COSTS)).min(1),
        excludedTargetGroups: z.array(zKey),
        outsideRefundCeiling: z.boolean(),
      })
      .optional(),
    /** Weights for matching scores, by criterion key. */
    matchingWeights: z.record(z.string(), z.number().nonnegative()).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.groups && p.groups.minParticipants > p.groups.maxParticipants) {
      ctx.addIssue({
        code: 'custom',
        path: ['groups', 'minParticipants'],
        message: 'more than maxParticipants',
      });
    }
    if (p.groups && p.groups.minMeetings > p.groups.maxMeetings) {
      ctx.addIssue({ code: 'custom', path: ['groups', 'minMeetings'], message: 'more than maxMeetings' });
    }
    const known = p.supportDomains?.domains;
    p.plan?.requiredDomains?.forEach((r, i) => {
      if (known && !known.includes(r.domain)) {
        ctx.addIssue({
          code: 'custom',
          path: ['plan', 'requiredDomains', i, 'domain'],
          message: 'not one of supportDomains.domains',
        });
      }
    });
  });

export type Policy = z.infer<typeof zPolicy>;
export type ContactRhythmPolicy = NonNullable<Policy['contactRhythm']>;
