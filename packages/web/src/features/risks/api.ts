import {
  type EmergencyGuidance,
  type Participant,
  type Referral,
  type RiskObservation,
  type RiskObservationCreated,
  type RiskObservationDetail,
  zEmergencyGuidance,
  zReferral,
  zRiskObservationCreated,
  zRiskObservationDetail,
  zRiskObservationList,
} from '@tandem/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiParsed } from '../../lib/api';

export const SEVERITIES = ['low', 'medium', 'high', 'immediate'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_COLOR: Record<Severity, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  immediate: 'red',
};
/** CM-4: the program's emergency guidance is shown for these, before and after saving. */
export const showsGuidance = (s: string | null) => s === 'high' || s === 'immediate';

/** The mentor's open mentorships: the people a sign of risk can be recorded about. */
export function useOpenMentees() {
  return useQuery({
    queryKey: ['participants'],
    queryFn: () => api<{ items: Participant[] }>('GET', '/api/v1/participants'),
    select: (d) =>
      d.items.filter((p) => p.mentorshipId && p.mentorshipState !== 'closed' && p.mentorshipState !== null),
  });
}

export function useGuidance(mentorshipId: string | null) {
  return useQuery({
    queryKey: ['risk-guidance', mentorshipId],
    enabled: mentorshipId !== null,
    queryFn: (): Promise<EmergencyGuidance> =>
      apiParsed(zEmergencyGuidance, 'GET', `/api/v1/risk-observations/guidance?mentorshipId=${mentorshipId}`),
  });
}

export function useRecordRisk() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: unknown; key: string }): Promise<RiskObservationCreated> =>
      apiParsed(zRiskObservationCreated, 'POST', '/api/v1/risk-observations', v.body, {
        'idempotency-key': v.key,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['risks'] }),
  });
}

export function useRisks(status: string) {
  return useQuery({
    queryKey: ['risks', status],
    queryFn: (): Promise<{ items: RiskObservation[] }> =>
      apiParsed(zRiskObservationList, 'GET', `/api/v1/risk-observations?status=${status}`),
  });
}

export function useRisk(id: string) {
  return useQuery({
    queryKey: ['risks', 'one', id],
    queryFn: (): Promise<RiskObservationDetail> =>
      apiParsed(zRiskObservationDetail, 'GET', `/api/v1/risk-observations/${id}`),
  });
}

/** Every command on a record refreshes it, the lists and the attention list it answers. */
export function useRiskCommand<V>(id: string, run: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['risks'] });
      void qc.invalidateQueries({ queryKey: ['attention'] });
      void qc.invalidateQueries({ queryKey: ['risks', 'one', id] });
    },
  });
}

export const addAction = (id: string, body: { kind: string; note: string | null }) =>
  apiParsed(zRiskObservationDetail, 'POST', `/api/v1/risk-observations/${id}/actions`, body);
export const closeRisk = (id: string, version: number) =>
  apiParsed(
    zRiskObservationDetail,
    'PATCH',
    `/api/v1/risk-observations/${id}`,
    { status: 'closed' },
    {
      'if-match': `"${version}"`,
    },
  );
export const refer = (
  body: { observationId: string; service: string; serviceName: string | null },
  key: string,
) => apiParsed(zReferral, 'POST', '/api/v1/referrals', body, { 'idempotency-key': key });
export const trackReferral = (r: Referral, body: { status: string; outcome: string | null }) =>
  apiParsed(zReferral, 'PATCH', `/api/v1/referrals/${r.id}`, body, { 'if-match': `"${r.version}"` });
