/**
 * Test fixtures for people waiting for a (new) mentor: the shared builders and
 * the real API (DESIGN principle 9).
 */
import { buildMentor, buildParticipant } from '@tandem/db';
import { expect } from 'vitest';
import type { Agent, Harness } from '../../testing/harness';
import { act, started } from '../mentorships/fixtures';

const haifa = { city: 'Haifa', lat: 32.794, lon: 34.9896 };

/** Where the fixtures write: read on each call, as a test file may give each test a program of its own. */
export interface Where {
  h: Harness;
  orgId: string;
  programId: string;
  coordinator: Agent;
}

/**
 * People and mentors who speak Amharic, as nobody else in the tests does: the
 * matching rules (MOH-11) can pair them only with each other.
 */
export function amharicSpeakers(where: () => Where, defaults: { capacity: number } = { capacity: 2 }) {
  let serial = 0;
  const person = () => {
    const w = where();
    return buildParticipant(w.h.handle.db, {
      orgId: w.orgId,
      programId: w.programId,
      displayName: `Person ${++serial}`,
      languages: [{ code: 'am', level: 5 }],
      place: haifa,
      consentGivenAt: new Date('2026-01-01T00:00:00Z'),
    });
  };
  const mentor = (over: Partial<Parameters<typeof buildMentor>[1]> = {}) => {
    const w = where();
    return buildMentor(w.h.handle.db, {
      orgId: w.orgId,
      programId: w.programId,
      displayName: `Mentor ${++serial}`,
      languages: [{ code: 'am', level: 5 }],
      place: haifa,
      capacity: defaults.capacity,
      ...over,
    });
  };
  /** A mentorship that started with `first` and now waits for a new mentor: the mentor left, or the trial review chose another. */
  const waiting = async (first: string, how: 'mentor_left' | 'mismatch' | 'trial_review' = 'mentor_left') => {
    const { coordinator } = where();
    const p = await person();
    const { id } = await started(coordinator, p.id, first);
    const res =
      how === 'trial_review'
        ? await act(coordinator, id, 'review-trial', { outcome: 'change_mentor' })
        : await act(coordinator, id, 'change-mentor', { reason: how });
    expect(res.json()).toMatchObject({ state: 'awaiting_match', mentor: null });
    return { participantId: p.id, mentorshipId: id };
  };
  return { person, mentor, waiting };
}
