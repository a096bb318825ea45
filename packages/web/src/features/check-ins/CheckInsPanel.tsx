import { Group, Paper, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { type CheckInList, zCheckInList } from '@tandem/contract';
import { addDays } from '@tandem/domain/time/zone';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useMe } from '../../app/session';
import { apiParsed } from '../../lib/api';
import { formatDate } from '../../lib/format';

/** 1 (very bad) … 5 (very good) as a colour scale; the number is always written, colour is only a help. */
const COLORS = ['', 'red', 'orange', 'yellow', 'lime', 'green'] as const;
const STAFF = new Set(['mentor', 'coordinator', 'admin']);
const DAYS = 14;

/**
 * Under a participant file: the person's own daily check-ins of the last two
 * weeks (SIVA-2), one face per program day and their short notes, for their
 * mentor and the coordinators. The early warning itself is the domain's and
 * shows on the needs-attention list.
 */
export function ParticipantCheckInsPanel() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const allowed = STAFF.has(me.data?.role ?? '');
  const list = useQuery({
    queryKey: ['check-ins', id],
    enabled: allowed && id !== 'new',
    queryFn: (): Promise<CheckInList> =>
      apiParsed(zCheckInList, 'GET', `/api/v1/check-ins?participantId=${id}`),
  });
  if (!allowed || !list.data?.today) return null;
  const today = list.data.today;
  const byDay = new Map(list.data.items.map((c) => [c.day, c]));
  const days = Array.from({ length: DAYS }, (_, i) => addDays(today, i - DAYS + 1));
  const notes = list.data.items.filter((c) => c.note).slice(0, 5);
  return (
    <Paper withBorder p="md" mt="md" data-testid="check-ins-panel">
      <Title order={3} mb="xs">
        {t('wellbeing.title')}
      </Title>
      {list.data.items.length === 0 ? <Text c="dimmed">{t('wellbeing.none')}</Text> : null}
      <Group gap={4} wrap="wrap" role="list" aria-label={t('wellbeing.lastDays', { count: DAYS })}>
        {days.map((day) => {
          const c = byDay.get(day);
          const label = c
            ? t('wellbeing.dayScore', { date: formatDate(day, i18n.language), score: c.wellbeing })
            : t('wellbeing.dayNone', { date: formatDate(day, i18n.language) });
          return (
            <Tooltip key={day} label={label}>
              <ThemeIcon
                role="listitem"
                aria-label={label}
                radius="xl"
                size={30}
                variant={c ? 'filled' : 'default'}
                color={c ? COLORS[c.wellbeing] : 'gray'}
                data-score={c?.wellbeing ?? ''}
              >
                <Text size="sm" fw={700} c={c ? 'white' : 'dimmed'}>
                  {c ? c.wellbeing : '·'}
                </Text>
              </ThemeIcon>
            </Tooltip>
          );
        })}
      </Group>
      {notes.length > 0 ? (
        <Stack gap={2} mt="sm">
          {notes.map((c) => (
            <Text key={c.id} size="sm" dir="auto">
              <Text span c="dimmed" size="xs">
                {formatDate(c.day, i18n.language)}:{' '}
              </Text>
              {c.note}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}
