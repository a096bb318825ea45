import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { GroupDetail } from '@tandem/contract';
import { GROUP_LEAVE_REASONS, type GroupLeaveReason } from '@tandem/domain/lifecycle/groups';
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
  leaveGroup,
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
          {[...group.enrolments, ...group.formerMembers].map((e) => {
            const summary = group.attendanceSummary.find((s) => s.participantId === e.participantId);
            const left = 'leftOn' in e;
            return (
              <Table.Tr key={e.participantId} c={left ? 'dimmed' : undefined}>
                <Table.Td>
                  {e.participantName}
                  {left ? ` (${t('groups.detail.leftMark')})` : ''}
                </Table.Td>
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

/**
 * The members, and for a coordinator a way for one of them to leave (MOH-8):
 * the reason is asked for on the spot, and what leaving means is said before
 * it is confirmed. Those who left are listed with the day and the reason.
 */
function Members({ group, mayChange }: { group: GroupDetail; mayChange: boolean }) {
  const { t, i18n } = useTranslation();
  const [leaving, setLeaving] = useState<string | null>(null);
  const [reason, setReason] = useState<GroupLeaveReason | null>(null);
  const leave = useGroupCommand(group.id, (v: { participantId: string; reason: GroupLeaveReason }) =>
    leaveGroup(group.id, v.participantId, v.reason),
  );
  const day = (d: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(d));
  const close = () => {
    setLeaving(null);
    setReason(null);
    leave.reset();
  };
  if (!mayChange) {
    return (
      <Group gap="xs">
        {group.enrolments.map((e) => (
          <Badge key={e.participantId} variant="outline" size="lg" tt="none">
            {e.participantName}
          </Badge>
        ))}
      </Group>
    );
  }
  return (
    <Stack gap={4} data-testid="members">
      {group.enrolments.map((e) => (
        <Paper
          key={e.participantId}
          withBorder={leaving === e.participantId}
          p={leaving === e.participantId ? 'sm' : 0}
        >
          <Group justify="space-between" wrap="nowrap">
            <Text>{e.participantName}</Text>
            {leaving === e.participantId ? null : (
              <Button
                size="compact-sm"
                variant="subtle"
                color="gray"
                onClick={() => setLeaving(e.participantId)}
              >
                {t('groups.detail.leave')}
              </Button>
            )}
          </Group>
          {leaving === e.participantId ? (
            <Stack gap="xs" mt="xs">
              <Select
                label={t('groups.detail.leaveReason')}
                data={GROUP_LEAVE_REASONS.map((r) => ({ value: r, label: t(`groups.leaveReasons.${r}`) }))}
                value={reason}
                onChange={(v) => setReason(v as GroupLeaveReason | null)}
              />
              <Text size="sm" c="dimmed">
                {t('groups.detail.leaveHint')}
              </Text>
              {leave.error ? <ProblemAlert error={leave.error} /> : null}
              <Group>
                <Button
                  color="red"
                  disabled={!reason}
                  loading={leave.isPending}
                  onClick={() =>
                    reason && leave.mutate({ participantId: e.participantId, reason }, { onSuccess: close })
                  }
                >
                  {t('groups.detail.leaveConfirm')}
                </Button>
                <Button variant="default" onClick={close}>
                  {t('groups.detail.keep')}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Paper>
      ))}
      {group.formerMembers.length > 0 ? (
        <Stack gap={2} mt="sm" data-testid="former-members">
          <Text fw={600} size="sm">
            {t('groups.detail.formerMembers')}
          </Text>
          {group.formerMembers.map((f) => (
            <Text key={f.participantId} size="sm" c="dimmed">
              {f.participantName} —{' '}
              {t('groups.detail.left', {
                date: day(f.leftOn),
                reason: t(`groups.leaveReasons.${f.leftReason}`),
              })}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Stack>
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
      <Members group={g} mayChange={planner && g.status !== 'closed'} />
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
