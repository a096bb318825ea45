import { Button, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ATTENDANCE_STATUSES } from '@tandem/domain/lifecycle/groups';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatMeeting, takeAttendance, useGroup, useGroupCommand } from './api';

/**
 * Taking attendance on a phone: every member is marked present until tapped
 * otherwise, one big button saves. The meeting's version goes with it, so two
 * people marking the same meeting never overwrite each other unseen (REL-03).
 */
export function AttendancePage() {
  const { id = '', meetingId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const group = useGroup(id);
  const [marks, setMarks] = useState<Record<string, string>>({});
  const meeting = group.data?.meetings.find((m) => m.id === meetingId);
  const save = useGroupCommand(id, () =>
    takeAttendance(
      id,
      meeting!,
      group.data!.enrolments.map((e) => ({
        participantId: e.participantId,
        status:
          marks[e.participantId] ??
          meeting!.attendance.find((a) => a.participantId === e.participantId)?.status ??
          'present',
      })),
    ),
  );
  if (group.error) return <ProblemAlert error={group.error} />;
  if (!group.data || !meeting) return null;
  const markOf = (pid: string) =>
    marks[pid] ?? meeting.attendance.find((a) => a.participantId === pid)?.status ?? 'present';
  return (
    <Stack maw={520}>
      <Title order={2}>{group.data.name}</Title>
      <Text c="dimmed">
        {t('groups.detail.meeting', { number: meeting.number })} ·{' '}
        {formatMeeting(meeting.startsAt, i18n.language, group.data.timeZone)}
      </Text>
      <Stack gap="xs" data-testid="attendance-form">
        {group.data.enrolments.map((e) => (
          <Paper key={e.participantId} withBorder p="xs">
            <Stack gap={4}>
              <Text fw={500}>{e.participantName}</Text>
              <SegmentedControl
                fullWidth
                aria-label={e.participantName}
                value={markOf(e.participantId)}
                onChange={(v) => setMarks((m) => ({ ...m, [e.participantId]: v }))}
                data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`groups.attendance.${s}`) }))}
              />
            </Stack>
          </Paper>
        ))}
      </Stack>
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <Button
        size="lg"
        loading={save.isPending}
        onClick={() =>
          save.mutate(undefined, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('groups.attendance.saved') });
              navigate(`/groups/${id}`);
            },
          })
        }
      >
        {t('groups.attendance.save')}
      </Button>
    </Stack>
  );
}
