import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Mentor, Program } from '@tandem/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useFieldErrors } from '../../lib/forms';
import { formatMeeting, planGroup, STATUS_COLOR, useGroupCommand, useGroups } from './api';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

/** MOH-8: plan a group program — facilitator, weekly slot, first day and the number of meetings. */
function PlanGroup() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const programs = useQuery({
    queryKey: ['programs'],
    queryFn: () => api<{ items: Program[] }>('GET', '/api/v1/programs'),
  });
  const mentors = useQuery({
    queryKey: ['mentors'],
    queryFn: () => api<{ items: Mentor[] }>('GET', '/api/v1/mentors'),
  });
  const [programId, setProgramId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [facilitator, setFacilitator] = useState<string | null>(null);
  const [weekday, setWeekday] = useState<string | null>('0');
  const [startTime, setStartTime] = useState('17:00');
  const [startsOn, setStartsOn] = useState('');
  const [meetings, setMeetings] = useState<number | string>(15);
  const [key] = useState(() => crypto.randomUUID());
  const withGroups = (programs.data?.items ?? []).filter((p) => (p.policy as { groups?: unknown }).groups);
  const chosenProgram = programId ?? (withGroups.length === 1 ? withGroups[0]!.id : null);
  const facilitators = [
    ...(me.data ? [{ value: me.data.user.id, label: me.data.user.displayName }] : []),
    ...(mentors.data?.items ?? [])
      .filter((m) => m.userId && m.programId === chosenProgram)
      .map((m) => ({ value: m.userId!, label: m.displayName })),
  ];
  const plan = useGroupCommand('new', () =>
    planGroup(
      {
        programId: chosenProgram,
        name,
        facilitatorUserId: facilitator,
        weekday: Number(weekday),
        startTime,
        startsOn,
        plannedMeetings: Number(meetings),
      },
      key,
    ),
  );
  const errors = useFieldErrors()(plan.error);
  const dayName = (d: number) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 2, 1 + d)), // 1 March 2026 is a Sunday
    );
  // MOH-8 is a rule of some programs only: where none has it there is nothing to plan, and the page says so.
  if (programs.data && withGroups.length === 0) {
    return (
      <Text c="dimmed" data-testid="no-group-program">
        {t('programRules.noGroupProgram')}
      </Text>
    );
  }
  return (
    <Paper withBorder p="md" maw={560}>
      <Title order={3} mb="sm">
        {t('groups.plan.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          plan.mutate(undefined, { onSuccess: (g) => navigate(`/groups/${(g as { id: string }).id}`) });
        }}
      >
        <Stack gap="xs">
          {withGroups.length > 1 ? (
            <Select
              label={t('groups.plan.program')}
              data={withGroups.map((p) => ({ value: p.id, label: p.name }))}
              value={chosenProgram}
              onChange={setProgramId}
              required
            />
          ) : null}
          <TextInput
            label={t('groups.plan.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
          />
          <Select
            label={t('groups.plan.facilitator')}
            data={facilitators}
            value={facilitator}
            onChange={setFacilitator}
            error={errors.facilitatorUserId}
            required
          />
          <Group grow>
            <Select
              label={t('groups.plan.weekday')}
              data={WEEKDAYS.map((d) => ({ value: String(d), label: dayName(d) }))}
              value={weekday}
              onChange={setWeekday}
              allowDeselect={false}
            />
            <TextInput
              type="time"
              label={t('groups.plan.time')}
              value={startTime}
              onChange={(e) => setStartTime(e.currentTarget.value)}
              required
            />
          </Group>
          <Group grow>
            <TextInput
              type="date"
              label={t('groups.plan.startsOn')}
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              required
            />
            <NumberInput
              label={t('groups.plan.meetings')}
              value={meetings}
              onChange={setMeetings}
              min={1}
              max={100}
              required
            />
          </Group>
          {plan.error ? <ProblemAlert error={plan.error} /> : null}
          <Button
            type="submit"
            loading={plan.isPending}
            disabled={!chosenProgram || !name.trim() || !facilitator || !startsOn}
          >
            {t('groups.plan.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** Group programs (MOH-8): those the coordinator runs, or the mentor leads. */
export function GroupsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const list = useGroups();
  const items = list.data?.items ?? [];
  const planner = me.data?.role === 'coordinator' || me.data?.role === 'admin';
  return (
    <Stack>
      <Title order={2}>{t('groups.title')}</Title>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.data && items.length === 0 ? <Text>{t('groups.empty')}</Text> : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={480}>
          <Table striped data-testid="groups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('groups.name')}</Table.Th>
                <Table.Th>{t('groups.status')}</Table.Th>
                <Table.Th>{t('groups.members')}</Table.Th>
                <Table.Th>{t('groups.next')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/groups/${g.id}`}>
                      {g.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {g.facilitatorName} ·{' '}
                      {t('groups.from', { date: formatDate(g.startsOn, i18n.language) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[g.status]}>{t(`groups.statusName.${g.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {g.memberCount === null
                      ? '—'
                      : t('groups.memberCount', { count: g.memberCount, max: g.maxParticipants })}
                  </Table.Td>
                  <Table.Td>
                    {g.nextMeetingAt ? formatMeeting(g.nextMeetingAt, i18n.language, g.timeZone) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {planner ? <PlanGroup /> : null}
    </Stack>
  );
}
