import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AttentionItemDto } from '@tandem/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useDomainText } from '../../lib/messages';

const COLOR = { overdue: 'red', due: 'orange', info: 'blue' } as const;

/** "Needs attention": due and overdue items computed by the domain for this role, now. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const text = useDomainText();
  const list = useQuery({
    queryKey: ['attention'],
    queryFn: () => api<{ items: AttentionItemDto[] }>('GET', '/api/v1/attention'),
  });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('home.title')}</Title>
      <Text c="dimmed">{t('home.intro')}</Text>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.data && items.length === 0 ? <Text>{t('home.empty')}</Text> : null}
      <Stack gap="xs" data-testid="attention-list">
        {items.map((item, i) => (
          <Paper
            key={`${item.kind}-${item.subject.mentorshipId ?? item.subject.approvalId ?? item.subject.participantId ?? i}`}
            withBorder
            p="sm"
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Badge color={COLOR[item.severity]} variant="light">
                    {t(`home.severity.${item.severity}`)}
                  </Badge>
                  {item.participantName && item.subject.mentorshipId ? (
                    <Anchor component={Link} to={`/mentorships/${item.subject.mentorshipId}`} fw={600}>
                      {item.participantName}
                    </Anchor>
                  ) : item.participantName && item.subject.participantId ? (
                    // Never matched: the participant file is where a mentor is proposed (MOH-16).
                    <Anchor component={Link} to={`/participants/${item.subject.participantId}`} fw={600}>
                      {item.participantName}
                    </Anchor>
                  ) : item.participantName ? (
                    <Text fw={600}>{item.participantName}</Text>
                  ) : null}
                </Group>
                <Text size="sm" mt={4} dir="auto">
                  {text.attention(item)}
                </Text>
              </div>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(item.dueAt.slice(0, 10), i18n.language)}
              </Text>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
