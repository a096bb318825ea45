import type { LocalDate } from '../time/zone';

/** What matching knows of a participant (MOH-11, RAMP-1, RAMP-2, MUNI-5). */
export interface ParticipantProfile {
  readonly id: string;
  readonly birthDate: LocalDate;
  readonly languages: readonly { code: string; level: number }[];
  readonly sector: string | null;
  readonly gender: string;
  readonly preferredMentorGender: 'female' | 'male' | 'any' | string;
  readonly place: { city: string; lat: number; lon: number } | null;
  readonly modePreference: 'in_person' | 'virtual' | 'either' | string;
  readonly needs: readonly string[];
  readonly interests: readonly string[];
  readonly availability: readonly { day: number; hour: number }[];
  readonly consentGiven: boolean;
}

/** What matching knows of a mentor (MOH-10, MOH-12, MOH-13, CM-1, SIVA-1). */
export interface MentorProfile {
  readonly id: string;
  readonly birthDate: LocalDate;
  readonly languages: readonly { code: string; level: number }[];
  readonly sector: string | null;
  readonly gender: string;
  readonly profession: string | null;
  readonly place: { city: string; lat: number; lon: number } | null;
  readonly travelRadiusKm: number;
  readonly availability: readonly { day: number; hour: number }[];
  readonly capacity: number;
  readonly activeMentees: number;
  readonly interests: readonly string[];
  readonly domainStrengths: readonly string[];
  readonly trainingCompletedOn: LocalDate | null;
  readonly trainingHours: number;
  /** Participants the mentor declared as family (MOH-12). */
  readonly familyOf: readonly string[];
  readonly active: boolean;
}
