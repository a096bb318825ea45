import { type Program, zProgram } from '@tandem/contract';
import type { Policy } from '@tandem/domain';
import { useQuery } from '@tanstack/react-query';
import { apiParsed } from './api';

/**
 * A program and its resolved policy, as the server enforces it. Screens ask
 * the domain's own questions of this policy (which contact modes, which
 * support domains, whether the pair agrees its rhythm) rather than knowing
 * any program by name.
 */
export function useProgram(programId: string | null | undefined) {
  const program = useQuery({
    queryKey: ['program', programId],
    enabled: Boolean(programId),
    queryFn: () => apiParsed(zProgram, 'GET', `/api/v1/programs/${programId}`),
  });
  return {
    program: program.data as Program | undefined,
    // The server sends the preset merged with the program's overrides, validated by the same schema.
    policy: program.data?.policy as Policy | undefined,
    error: program.error,
  };
}
