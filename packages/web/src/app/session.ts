import { type Me, zMe } from '@tandem/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiParsed, setCsrfToken } from '../lib/api';

/** The signed-in user, or null when signed out. Shared by the shell and every feature. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await apiParsed(zMe, 'GET', '/api/v1/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me | null) => {
    setCsrfToken(me?.csrfToken ?? null);
    qc.setQueryData(['me'], me);
  };
}
