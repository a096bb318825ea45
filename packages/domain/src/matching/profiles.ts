/** Kept for existing imports; the profile types live in `types.ts`. */
export type { MentorProfile, ParticipantProfile } from './types';
