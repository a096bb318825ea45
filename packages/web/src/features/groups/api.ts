import {
  type GroupCandidates,
  type GroupDetail,
  type GroupSummary,
  zGroupCandidates,
  zGroupDetail,
  zGroupEnrolment,
  zGroupList,
} from '@tandem/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiParsed } from '../../lib/api';

/** A meeting time on the program's wall clock, whatever the device's zone. */
export const formatMeeting = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );

export const STATUS_COLOR = { planned: 'blue', running: 'teal', closed: 'gray' } as const;

export function useGroups() {
  return useQuery({
    queryKey: ['groups'],
    queryFn: (): Promise<{ items: GroupSummary[] }> => apiParsed(zGroupList, 'GET', '/api/v1/groups'),
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: ['groups', id],
    queryFn: (): Promise<GroupDetail> => apiParsed(zGroupDetail, 'GET', `/api/v1/groups/${id}`),
  });
}

/** Whom a coordinator may enrol, each with the rule that would refuse them now (MOH-9); refreshed with the group. */
export function useEnrolmentCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['groups', id, 'candidates'],
    enabled,
    queryFn: (): Promise<GroupCandidates> =>
      apiParsed(zGroupCandidates, 'GET', `/api/v1/groups/${id}/candidates`),
  });
}

/** A command on a group; the answer is the group as it is now. */
export function useGroupCommand<V>(id: string, run: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['groups'] });
      void qc.invalidateQueries({ queryKey: ['groups', id] });
    },
  });
}

export const planGroup = (body: unknown, key: string) =>
  apiParsed(zGroupDetail, 'POST', '/api/v1/groups', body, { 'idempotency-key': key });
export const enrol = (id: string, participantId: string) =>
  apiParsed(zGroupEnrolment, 'POST', `/api/v1/groups/${id}/enrolments`, { participantId });
export const leaveGroup = (id: string, participantId: string, reason: string) =>
  apiParsed(zGroupDetail, 'POST', `/api/v1/groups/${id}/enrolments/${participantId}/leave`, { reason });
export const changeStatus = (g: GroupDetail, status: 'running' | 'closed') =>
  apiParsed(zGroupDetail, 'PATCH', `/api/v1/groups/${g.id}`, { status }, { 'if-match': `"${g.version}"` });
export const takeAttendance = (
  groupId: string,
  meeting: { id: string; version: number },
  entries: { participantId: string; status: string }[],
) =>
  apiParsed(
    zGroupDetail,
    'PUT',
    `/api/v1/groups/${groupId}/meetings/${meeting.id}/attendance`,
    { entries },
    { 'if-match': `"${meeting.version}"` },
  );
