import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AttentionItemDto } from '@tandem/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/**
 * SIVA-2, daily-contact programs: the people not reached today, at a glance,
 * each a tap away from logging the contact. Drawn from the same attention items
 * the list below shows (`daily_check_in_missed`), so the two never disagree.
 */
export function NotReachedToday({ items }: { items: readonly AttentionItemDto[] }) {
  const { t } = useTranslation();
  const missed = items.filter((i) => i.kind === 'daily_check_in_missed' && i.subject.mentorshipId);
  if (missed.length === 0) return null;
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-orange-light)" data-testid="not-reached-today">
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h5">
          {t('reach.title', { count: missed.length })}
        </Title>
        <Button component={Link} to="/log-contact" size="xs" variant="filled" color="orange">
          {t('reach.logContact')}
        </Button>
      </Group>
      <Stack gap={2}>
        {missed.map((i) => (
          <Anchor
            key={i.subject.mentorshipId}
            component={Link}
            to={`/mentorships/${i.subject.mentorshipId}`}
            size="sm"
          >
            {i.participantName ?? t('reach.someone')}
          </Anchor>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt={4}>
        {t('reach.hint')}
      </Text>
    </Paper>
  );
}
