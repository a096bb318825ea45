import {
  type BatchConfirmed,
  type BatchResult,
  zBatchConfirmed,
  zBatchResult,
  zMentorList,
  zParticipantList,
  zProgramList,
} from '@tandem/contract';
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
  const inProgram = <T extends { programId: string }>(items: T[] | undefined) =>
    (items ?? []).filter((x) => x.programId === programId);
  const people = inProgram(participants.data?.items);
  return {
    /** Waiting for a mentor: no open mentorship (the list's "waiting" badge). */
    waiting: people.filter((p) => p.mentorshipId === null),
    people,
    mentors: inProgram(mentors.data?.items),
    loading: participants.isPending || mentors.isPending,
    error: participants.error ?? mentors.error,
  };
}

export function useAllocation() {
  return useMutation({
    mutationFn: (body: { programId: string; participantIds: string[]; fixed: Pair[]; forbidden: Pair[] }) =>
      apiParsed(zBatchResult, 'POST', '/api/v1/matching/batch', body),
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
