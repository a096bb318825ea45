import type { Participant } from '@tandem/contract';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useMe } from '../../app/session';
import { api } from '../../lib/api';
import { TasksPanel } from './TasksPanel';

const WORKING_STATES = new Set(['trial', 'active', 'suspended']);
const MENTOR_SIDE = new Set(['mentor', 'coordinator', 'admin']);

/** Under a participant file (`/participants/:id`): the tasks of their running mentorship. */
export function ParticipantTasksPanel() {
  const { id = '' } = useParams();
  const me = useMe();
  const allowed = MENTOR_SIDE.has(me.data?.role ?? '');
  // The same query the file itself runs, so the file is read (and audited) once.
  const file = useQuery({
    queryKey: ['participant', id],
    queryFn: () => api<Participant>('GET', `/api/v1/participants/${id}`),
    enabled: allowed,
  });
  const p = file.data;
  if (!allowed || !p?.mentorshipId || !WORKING_STATES.has(p.mentorshipState ?? '')) return null;
  return <TasksPanel mentorshipId={p.mentorshipId} />;
}

/** Under a mentorship file (`/mentorships/:id`). */
export function MentorshipTasksPanel() {
  const { id = '' } = useParams();
  const me = useMe();
  if (!MENTOR_SIDE.has(me.data?.role ?? '')) return null;
  return <TasksPanel mentorshipId={id} />;
}
