/** How a mentor and a participant were in touch; every contact records one (SIVA-5). */
export const CONTACT_MODES = ['in_person', 'video', 'phone', 'messenger', 'email'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

/** Kinds of accompaniment a contact can be (MUNI-2). */
export const ACCOMPANIMENT_TYPES = [
  'authority_meeting',
  'letters',
  'doctor',
  'psychologist',
  'physiotherapist',
  'other',
] as const;
export type AccompanimentType = (typeof ACCOMPANIMENT_TYPES)[number];
