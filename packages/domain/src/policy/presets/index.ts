import type { Policy } from '../schema';
import { dkMunicipalMentor } from './dk-municipal-mentor';
import { dkRampen } from './dk-rampen';
import { ilCommunityMentors } from './il-community-mentors';
import { ilSocialMentorship } from './il-social-mentorship';
import { lvSivaRemote } from './lv-siva-remote';

/** The five program presets (P1–P5 of the requirements). */
export const PRESET_IDS = [
  'il-social-mentorship',
  'il-community-mentors',
  'dk-rampen',
  'lv-siva-remote',
  'dk-municipal-mentor',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const PRESETS: Readonly<Record<PresetId, Policy>> = {
  'il-social-mentorship': ilSocialMentorship,
  'il-community-mentors': ilCommunityMentors,
  'dk-rampen': dkRampen,
  'lv-siva-remote': lvSivaRemote,
  'dk-municipal-mentor': dkMunicipalMentor,
};

export const isPresetId = (value: string): value is PresetId =>
  (PRESET_IDS as readonly string[]).includes(value);
