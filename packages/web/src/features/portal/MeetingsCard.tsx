import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendar, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useMyGroups } from './api';

/**
 * What comes next: the next meeting of their group (MOH-8) and when they last
 * met or spoke with their mentor. One-to-one meetings are logged, not planned,
 * so the last one is what there is to show.
 */
export function MeetingsCard({
  mentorName,
  lastContactOn,
}: {
  mentorName: string | null;
  lastContactOn: string | null;
}) {
  const { t, i18n } = useTranslation();
  const groups = useMyGroups();
  const group = (groups.data?.items ?? []).find((g) => g.status !== 'closed') ?? null;
  const weekday = (day: number) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 7 + day)),
    );
  return (
    <Paper withBorder p="lg" radius="lg" data-testid="meetings">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('portal.meetings.title')}
        </Title>
        {group ? (
          <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="my-group">
            <IconUsersGroup size={32} aria-hidden />
            <div>
              <Text size="lg" fw={600} dir="auto">
                {group.name}
              </Text>
              <Text size="md">
                {t('portal.meetings.groupSlot', { weekday: weekday(group.weekday), time: group.startTime })}
              </Text>
              <Text size="md">
                {group.nextMeetingAt
                  ? t('portal.meetings.next', { when: formatDateTime(group.nextMeetingAt, i18n.language) })
                  : t('portal.meetings.noNext')}
              </Text>
            </div>
          </Group>
        ) : (
          <Text size="md" c="dimmed">
            {t('portal.meetings.noGroup')}
          </Text>
        )}
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconCalendar size={32} aria-hidden />
          <Text size="md">
            {lastContactOn
              ? t('portal.meetings.lastWithMentor', {
                  name: mentorName ?? '',
                  when: formatDateTime(lastContactOn, i18n.language),
                })
              : t('portal.meetings.notMetYet', { name: mentorName ?? '' })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
