import type { LocalDate } from '../time/zone';

/** A language and how well the person speaks it, 1 (basic) to 5 (native). */
export interface LanguageSkill {
  readonly code: string;
  readonly level: number;
}

/** A weekly hour someone is available: day 0–6 (0 = Sunday), hour 0–23. */
export interface WeeklyHour {
  readonly day: number;
  readonly hour: number;
}

export interface Place {
  readonly city: string;
  readonly lat: number;
  readonly lon: number;
}

/** What matching knows of a participant (MOH-11, RAMP-1, RAMP-2, MUNI-5). */
export interface ParticipantProfile {
  readonly id: string;
  readonly birthDate: LocalDate;
  readonly languages: readonly LanguageSkill[];
  /** Sector or culture, e.g. "arab", "haredi" (MOH-11). */
  readonly sector: string | null;
  readonly gender: string;
  readonly preferredMentorGender: 'female' | 'male' | 'any' | (string & {});
  readonly place: Place | null;
  readonly modePreference: 'in_person' | 'virtual' | 'either' | (string & {});
  /** Support domains the participant needs help with. */
  readonly needs: readonly string[];
  readonly interests: readonly string[];
  readonly availability: readonly WeeklyHour[];
  readonly targetGroup?: string | null;
  /** Mentors the participant declared as family (MOH-12, the other way round). */
  readonly familyOf?: readonly string[];
  readonly consentGiven: boolean;
}

/** What matching knows of a mentor (MOH-10, MOH-12, MOH-13, CM-1, SIVA-1). */
export interface MentorProfile {
  readonly id: string;
  readonly birthDate: LocalDate;
  readonly languages: readonly LanguageSkill[];
  readonly sector: string | null;
  readonly gender: string;
  readonly profession: string | null;
  readonly place: Place | null;
  readonly travelRadiusKm: number;
  readonly availability: readonly WeeklyHour[];
  /** Mentees the mentor can hold at once. */
  readonly capacity: number;
  readonly activeMentees: number;
  readonly interests: readonly string[];
  /** Support domains the mentor is strong in. */
  readonly domainStrengths: readonly string[];
  readonly trainingCompletedOn: LocalDate | null;
  readonly trainingHours: number;
  /** Participants the mentor declared as family (MOH-12). */
  readonly familyOf: readonly string[];
  readonly active: boolean;
}

/**
 * Soft criteria and their default weights; a program's `matchingWeights` may
 * override any of them (0 switches one off). A criterion met in full earns
 * weight × 100 points.
 */
export const DEFAULT_WEIGHTS = {
  /** Level of the best shared language (MOH-11). */
  language: 3,
  /** Same sector or culture (MOH-11). */
  sector: 2,
  /** The participant's preferred mentor gender honoured. */
  gender: 2,
  /** Within the mentor's travel radius; ignored for participants who prefer virtual contact. */
  distance: 2,
  /** Overlapping weekly hours. */
  availability: 2,
  /** Shared interests (RAMP-2). */
  interests: 1,
  /** Mentor strengths covering the participant's needs. */
  domains: 2,
  /** Spare capacity of the mentor. */
  load: 1,
} as const;
export type Criterion = keyof typeof DEFAULT_WEIGHTS;
export const CRITERIA = Object.keys(DEFAULT_WEIGHTS) as readonly Criterion[];
export type Weights = Record<Criterion, number>;
