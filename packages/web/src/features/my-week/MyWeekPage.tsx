import { Anchor, Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { type MyWeekMentee, zMyWeek } from '@tandem/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiParsed } from '../../lib/api';
import { formatDuration as duration, formatDate } from '../../lib/format';

const weekday = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/**
 * The mentor's week on a phone: one card per mentee with this program week's
 * contacts, hours and visits against the program's caps (MOH-3, MOH-7) as the
 * server's domain counted them, and whether contact is due or lapsed by the
 * program's rhythm (RAMP-5, SIVA-2). Previous and next week step through the
 * program's own weeks.
 */
export function MyWeekPage() {
  const { t, i18n } = useTranslation();
  const [week, setWeek] = useState<string | null>(null);
  const data = useQuery({
    queryKey: ['my-week', week],
    queryFn: () => apiParsed(zMyWeek, 'GET', `/api/v1/my-week${week ? `?week=${week}` : ''}`),
  });
  const programs = data.data?.programs ?? [];
  const lng = i18n.language;
  const first = programs[0];
  return (
    <Stack>
      <Title order={2}>{t('myWeek.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('myWeek.intro')}
      </Text>
      {data.error ? <ProblemAlert error={data.error} /> : null}
      {first ? (
        <Stack gap={6}>
          <Text fw={600} ta="center" data-testid="week-range">
            {t('myWeek.range', {
              from: formatDate(first.weekStart, lng),
              to: formatDate(first.weekEnd, lng),
            })}
          </Text>
          <Group grow gap="xs">
            <Button variant="default" onClick={() => setWeek(first.previousWeek)}>
              {t('myWeek.previous')}
            </Button>
            <Button variant="default" onClick={() => setWeek(first.nextWeek)}>
              {t('myWeek.next')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {first && !first.current ? (
        <Button variant="subtle" onClick={() => setWeek(null)}>
          {t('myWeek.thisWeek')}
        </Button>
      ) : null}
      {data.data && programs.every((p) => p.mentees.length === 0) ? (
        <Text>{t('myWeek.noMentees')}</Text>
      ) : null}
      {programs.map((p) => (
        <Stack key={p.programId} gap="sm" data-testid="my-week">
          {programs.length > 1 ? <Title order={3}>{p.programName}</Title> : null}
          {p.mentees.map((m) => (
            <MenteeCard key={m.mentorshipId} mentee={m} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function MenteeCard({ mentee: m }: { mentee: MyWeekMentee }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const caps = [
    ['capHours', m.caps.hours],
    ['capVisits', m.caps.visits],
    ['capVirtual', m.caps.virtualHours],
  ] as const;
  const r = m.rhythm;
  const rhythmLabel = !r
    ? null
    : !r.lapsed
      ? t('myWeek.rhythm.ok')
      : r.severity === 'overdue'
        ? t('myWeek.rhythm.overdue')
        : r.kind === 'daily'
          ? t('myWeek.rhythm.dueDaily')
          : r.kind === 'agreed'
            ? t('myWeek.rhythm.dueAgreed')
            : t('myWeek.rhythm.due');
  return (
    <Paper withBorder p="sm" data-testid="mentee-week">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={`/mentorships/${m.mentorshipId}`} fw={600}>
          {m.participantName}
        </Anchor>
        {m.state === 'suspended' ? (
          <Badge color="gray" variant="light">
            {t('myWeek.suspended')}
          </Badge>
        ) : rhythmLabel && r ? (
          <Badge
            color={!r.lapsed ? 'teal' : r.severity === 'overdue' ? 'red' : 'yellow'}
            variant="light"
            title={t('myWeek.rule', { rule: r.ruleId })}
            data-testid="rhythm"
          >
            {rhythmLabel}
          </Badge>
        ) : null}
      </Group>
      <Stack gap={6} mt="xs">
        {caps.map(([key, cap]) =>
          cap ? (
            <div key={key} data-testid={key}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{t(`myWeek.${key}`)}</Text>
                <Text size="sm" fw={cap.over ? 700 : 400} c={cap.over ? 'red' : undefined}>
                  {t('myWeek.usage', {
                    used: new Intl.NumberFormat(lng).format(cap.used),
                    max: new Intl.NumberFormat(lng).format(cap.max),
                  })}
                  {cap.over ? ` · ${t('myWeek.overCap')} (${cap.ruleId})` : ''}
                </Text>
              </Group>
              <Progress
                value={Math.min(100, (cap.used / cap.max) * 100)}
                color={cap.over ? 'red' : 'teal'}
                size="sm"
                aria-label={t(`myWeek.${key}`)}
              />
            </div>
          ) : null,
        )}
      </Stack>
      {m.contacts.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('myWeek.noContacts')}
        </Text>
      ) : (
        <Stack gap={2} mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {m.contacts.map((c) => (
            <Text key={c.id} size="sm" component="li">
              {weekday(c.day, lng)} · {t(`contact.modes.${c.mode}`)} · {duration(c.durationMinutes, lng)}
              {c.reached ? '' : ` · ${t('myWeek.notReached')}`}
              {c.specialActivity ? ` · ${t('myWeek.special')}` : ''}
              {c.overCap ? ` · ${t('myWeek.overCapContact')}` : ''}
            </Text>
          ))}
          <Text size="sm" fw={600} component="li">
            {t('myWeek.total', { duration: duration(m.totalMinutes, lng) })}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
