import {
  type BatchConfirmed,
  type BatchResult,
  type Participant,
  zBatchConfirmed,
  zBatchResult,
  zMentorList,
  zMentorshipList,
  zParticipantList,
  zProgramList,
} from '@tandem/contract';
import { placementOf } from '@tandem/domain/matching/rematch';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiParsed } from '../../lib/api';

export interface Pair {
  participantId: string;
  mentorId: string;
}

export const samePair = (a: Pair, b: Pair) =>
  a.participantId === b.participantId && a.mentorId === b.mentorId;

export function usePrograms() {
  return useQuery({
    queryKey: ['programs'],
    queryFn: () => apiParsed(zProgramList, 'GET', '/api/v1/programs'),
  });
}

/** The program's people and mentors: names for the table, loads for the chart, the waiting for the cohort. */
export function useProgramPeople(programId: string | null) {
  const participants = useQuery({
    queryKey: ['participants'],
    queryFn: () => apiParsed(zParticipantList, 'GET', '/api/v1/participants'),
  });
  const mentors = useQuery({
    queryKey: ['mentors'],
    queryFn: () => apiParsed(zMentorList, 'GET', '/api/v1/mentors'),
  });
  // Mentorships awaiting a match, to tell the ones waiting for a new mentor from proposals not yet started.
  const awaiting = useQuery({
    queryKey: ['mentorships', 'awaiting_match', 'cohort'],
    queryFn: () => apiParsed(zMentorshipList, 'GET', '/api/v1/mentorships?state=awaiting_match'),
  });
  const inProgram = <T extends { programId: string }>(items: T[] | undefined) =>
    (items ?? []).filter((x) => x.programId === programId);
  const people = inProgram(participants.data?.items);
  const byMentorship = new Map((awaiting.data?.items ?? []).map((m) => [m.id, m]));
  // The domain's own answer to "can this person be placed, and how" (MOH-16).
  const placement = (p: Participant) => {
    if (p.mentorshipId === null) return placementOf(null);
    const m = byMentorship.get(p.mentorshipId);
    return m ? placementOf({ id: m.id, state: m.state, mentorId: m.mentor?.id ?? null }) : null;
  };
  const placements = people.map((p) => ({ p, placed: placement(p) }));
  return {
    /** Waiting for a mentor: no open mentorship, or one that waits for a new mentor (MOH-16). */
    waiting: placements.filter((x) => x.placed && x.placed.kind !== 'held').map((x) => x.p),
    /** Of those, the people whose mentorship waits for a new mentor. */
    rematch: new Set(placements.filter((x) => x.placed?.kind === 'rematch').map((x) => x.p.id)),
    people,
    mentors: inProgram(mentors.data?.items),
    loading: participants.isPending || mentors.isPending || awaiting.isPending,
    error: participants.error ?? mentors.error ?? awaiting.error,
  };
}

export function useAllocation() {
  return useMutation({
    mutationFn: (body: {
      programId: string;
      participantIds: string[];
      fixed: Pair[];
      forbidden: Pair[];
      allowed: Pair[];
    }) => apiParsed(zBatchResult, 'POST', '/api/v1/matching/batch', body),
  });
}

/**
 * Confirm the pairs of one proposal. The key belongs to the proposal, so a
 * double click or a retry after a lost answer creates the matches once (REL-02).
 */
export function useConfirmation(onDone: (result: BatchConfirmed) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { programId: string; pairs: Pair[]; key: string }) =>
      apiParsed(
        zBatchConfirmed,
        'POST',
        '/api/v1/matching/batch/confirm',
        { programId: v.programId, pairs: v.pairs },
        { 'idempotency-key': v.key },
      ),
    onSuccess: (result) => {
      void qc.invalidateQueries({ queryKey: ['participants'] });
      void qc.invalidateQueries({ queryKey: ['mentors'] });
      void qc.invalidateQueries({ queryKey: ['mentorships'] });
      onDone(result);
    },
  });
}

export type Proposal = BatchResult;
