import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { GroupDetail } from '@tandem/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDomainText } from '../../lib/messages';
import {
  changeStatus,
  enrol,
  formatMeeting,
  STATUS_COLOR,
  useEnrolmentCandidates,
  useGroup,
  useGroupCommand,
} from './api';

const MARK = { present: '✓', absent: '✗', excused: '–' } as const;

/** Attendance over the program (MOH-8): one row per member, one column per held meeting, and the rate. */
function AttendanceTable({ group }: { group: GroupDetail }) {
  const { t, i18n } = useTranslation();
  const held = group.meetings.filter((m) => m.status === 'held');
  if (held.length === 0) return <Text c="dimmed">{t('groups.detail.noAttendance')}</Text>;
  const rate = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table withTableBorder withColumnBorders data-testid="attendance-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('groups.detail.member')}</Table.Th>
            {held.map((m) => (
              <Table.Th key={m.id} ta="center">
                {m.number}
              </Table.Th>
            ))}
            <Table.Th ta="center">{t('groups.detail.rate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.enrolments.map((e) => {
            const summary = group.attendanceSummary.find((s) => s.participantId === e.participantId);
            return (
              <Table.Tr key={e.participantId}>
                <Table.Td>{e.participantName}</Table.Td>
                {held.map((m) => {
                  const mark = m.attendance.find((a) => a.participantId === e.participantId)?.status;
                  return (
                    <Table.Td
                      key={m.id}
                      ta="center"
                      aria-label={mark ? t(`groups.attendance.${mark}`) : undefined}
                    >
                      {mark ? MARK[mark] : ''}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="center">{summary?.rate == null ? '—' : rate.format(summary.rate)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One group: members (enrol up to the program's maximum, MOH-8), start and close, meetings, attendance. */
export function GroupPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const planner = me.data?.role === 'coordinator' || me.data?.role === 'admin';
  const group = useGroup(id);
  const text = useDomainText();
  const candidates = useEnrolmentCandidates(id, planner);
  const [participantId, setParticipantId] = useState<string | null>(null);
  const add = useGroupCommand(id, () => enrol(id, participantId!));
  const status = useGroupCommand(id, (to: 'running' | 'closed') => changeStatus(group.data!, to));
  if (group.error) return <ProblemAlert error={group.error} />;
  const g = group.data;
  if (!g) return null;
  // MOH-9: the server lists people in an open service period who are not members, each with the
  // rule that would refuse them now; those are shown, greyed, with the reason, and cannot be picked.
  const reasons = new Map(
    (candidates.data?.items ?? []).map((c) => [
      c.participantId,
      c.refusals.map((r) => text.refusal(r)).join(' '),
    ]),
  );
  const options = (candidates.data?.items ?? [])
    .map((c) => ({ value: c.participantId, label: c.displayName, disabled: c.refusals.length > 0 }))
    .sort((x, y) => Number(x.disabled) - Number(y.disabled));
  const missing = Math.max(0, g.minParticipants - g.enrolments.length);
  return (
    <Stack maw={820}>
      <Group justify="space-between">
        <Title order={2}>{g.name}</Title>
        <Badge size="lg" color={STATUS_COLOR[g.status]} data-testid="group-status">
          {t(`groups.statusName.${g.status}`)}
        </Badge>
      </Group>
      <Text c="dimmed">
        {g.facilitatorName} ·{' '}
        {t('groups.memberCount', { count: g.enrolments.length, max: g.maxParticipants })}
        {g.status === 'planned' && missing > 0 ? ` · ${t('groups.detail.needMore', { count: missing })}` : ''}
      </Text>
      {status.error ? <ProblemAlert error={status.error} /> : null}
      {planner && g.status !== 'closed' ? (
        <Group>
          {g.status === 'planned' ? (
            <Button
              loading={status.isPending}
              disabled={missing > 0}
              onClick={() => status.mutate('running')}
            >
              {t('groups.detail.start')}
            </Button>
          ) : null}
          <Button
            variant="light"
            color="gray"
            loading={status.isPending}
            onClick={() => status.mutate('closed')}
          >
            {t('groups.detail.close')}
          </Button>
        </Group>
      ) : null}

      <Title order={3}>{t('groups.detail.members')}</Title>
      {g.enrolments.length === 0 ? <Text c="dimmed">{t('groups.detail.noMembers')}</Text> : null}
      <Group gap="xs">
        {g.enrolments.map((e) => (
          <Badge key={e.participantId} variant="outline" size="lg" tt="none">
            {e.participantName}
          </Badge>
        ))}
      </Group>
      {planner && g.status !== 'closed' ? (
        <Paper withBorder p="sm">
          <Group align="flex-end">
            <Select
              label={t('groups.detail.enrol')}
              data={options}
              renderOption={({ option }) => (
                <Stack gap={0}>
                  <Text size="sm">{option.label}</Text>
                  {option.disabled ? (
                    <Text size="xs" c="dimmed">
                      {reasons.get(option.value)}
                    </Text>
                  ) : null}
                </Stack>
              )}
              data-testid="enrol-select"
              value={participantId}
              onChange={setParticipantId}
              searchable
              style={{ flex: 1 }}
            />
            <Button
              disabled={!participantId}
              loading={add.isPending}
              onClick={() => add.mutate(undefined, { onSuccess: () => setParticipantId(null) })}
            >
              {t('groups.detail.enrolButton')}
            </Button>
          </Group>
          {add.error ? <ProblemAlert error={add.error} /> : null}
        </Paper>
      ) : null}

      <Title order={3}>{t('groups.detail.meetings')}</Title>
      <Stack gap={4} data-testid="meetings">
        {g.meetings.map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {t('groups.detail.meeting', { number: m.number })} ·{' '}
              {formatMeeting(m.startsAt, i18n.language, g.timeZone)}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Badge variant="light" color={m.status === 'held' ? 'teal' : 'gray'}>
                {t(`groups.meetingStatus.${m.status}`)}
              </Badge>
              {g.status === 'running' && m.status !== 'cancelled' ? (
                <Anchor component={Link} to={`/groups/${g.id}/meetings/${m.id}`} size="sm">
                  {t('groups.detail.takeAttendance')}
                </Anchor>
              ) : null}
            </Group>
          </Group>
        ))}
      </Stack>

      <Title order={3}>{t('groups.detail.attendance')}</Title>
      <AttendanceTable group={g} />
    </Stack>
  );
}
