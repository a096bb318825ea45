import { zCheckInList, zGroupList, zPortal } from '@tandem/contract';
import { useQuery } from '@tanstack/react-query';
import { apiParsed } from '../../lib/api';

/** The participant's own home: mentorship, goals, tasks (GET /api/v1/me/portal). */
export const usePortal = () =>
  useQuery({ queryKey: ['portal'], queryFn: () => apiParsed(zPortal, 'GET', '/api/v1/me/portal') });

/** Their own check-ins; `today` is the program's calendar day (SIVA-2). */
export const useMyCheckIns = () =>
  useQuery({
    queryKey: ['check-ins', 'mine'],
    queryFn: () => apiParsed(zCheckInList, 'GET', '/api/v1/check-ins'),
  });

/** The group they belong to, if any (MOH-8); a participant sees only their own. */
export const useMyGroups = () =>
  useQuery({ queryKey: ['groups', 'mine'], queryFn: () => apiParsed(zGroupList, 'GET', '/api/v1/groups') });
