/**
 * The codes profile forms offer, drawn from the programs' own words. A record
 * may hold other codes (imported, or from a program that uses its own); forms
 * keep and show those as they are. Support domains are not here: each program
 * lists its own (`policy.supportDomains`, MOH-2, MUNI-1).
 */

/** Languages a person may speak, as ISO 639-1/-3 codes; shown by name through Intl. */
export const LANGUAGE_CODES = [
  'he',
  'ar',
  'en',
  'ru',
  'am',
  'ti',
  'fr',
  'es',
  'uk',
  'da',
  'lv',
  'lt',
  'de',
  'pl',
  'so',
  'tr',
  'fa',
  'ur',
] as const;

/** Sector or culture a participant may want their mentor to share (MOH-11: the Haredi and Arab sectors). */
export const SECTORS = ['general', 'arab', 'haredi', 'druze', 'ethiopian', 'russian_speaking'] as const;

/** Mentor professions (SIVA-1: social worker, psychologist, teacher, career specialist; CM-2 students). */
export const PROFESSIONS = [
  'social_worker',
  'psychologist',
  'teacher',
  'career_specialist',
  'occupational_therapist',
  'social_work_student',
  'student',
  'volunteer',
] as const;

/** MUNI-5: the municipal mentor's target groups. */
export const TARGET_GROUPS = [
  'young_little_system_knowledge',
  'homemaker',
  'sick_listed',
  'early_pension_applicant',
  'psychological_problems',
  'housing',
  'language_barriers',
  'provider_problems',
  'information_needs',
  'retention',
] as const;

/** Interests and hobbies a mentor and a participant may share (RAMP-2: a walk, coffee, a shared hobby). */
export const INTERESTS = [
  'walking',
  'cooking',
  'music',
  'art',
  'football',
  'sport',
  'study',
  'reading',
  'gardening',
  'games',
  'crafts',
  'nature',
  'films',
  'technology',
  'volunteering',
] as const;
