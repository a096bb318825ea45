import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AttentionItemDto } from '@tandem/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useDomainText } from '../../lib/messages';
import { NotReachedToday } from './NotReachedToday';

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
  // A committee member decides requests in the inbox and never opens the case file (TEN-09).
  const decidesInInbox = useMe().data?.role === 'committee';
  // CM-4, REL-08: signs of risk that alerted at once lead the page, whatever their place in the deadlines.
  const alerts = items.filter(
    (i) => i.kind === 'risk_referral' && i.severity === 'overdue' && i.subject.riskId,
  );
  return (
    <Stack>
      <Title order={2}>{t('home.title')}</Title>
      <Text c="dimmed">{t('home.intro')}</Text>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.data && items.length === 0 ? <Text>{t('home.empty')}</Text> : null}
      {alerts.length > 0 ? (
        <Alert
          color="red"
          variant="filled"
          title={t('risks.home.title', { count: alerts.length })}
          data-testid="risk-alerts"
        >
          <Stack gap={2}>
            {alerts.map((a) => (
              <Anchor
                key={a.subject.riskId}
                component={Link}
                to={`/risks/${a.subject.riskId}`}
                c="white"
                fw={600}
                underline="always"
              >
                {a.participantName ?? t('risks.home.someone')} · {text.label(String(a.params.severity))}
              </Anchor>
            ))}
          </Stack>
        </Alert>
      ) : null}
      <NotReachedToday items={items} />
      <Stack gap="xs" data-testid="attention-list">
        {items.map((item, i) => (
          <Paper
            key={`${item.kind}-${item.subject.riskId ?? item.subject.mentorshipId ?? item.subject.approvalId ?? item.subject.participantId ?? i}`}
            withBorder
            p="sm"
            // CM-4: a sign of risk that alerted at once stands out from the deadlines around it.
            {...(item.kind === 'risk_referral'
              ? {
                  'data-testid': 'risk-alert',
                  style: { borderInlineStartWidth: 5, borderInlineStartColor: 'var(--mantine-color-red-7)' },
                }
              : {})}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Badge color={COLOR[item.severity]} variant="light">
                    {t(`home.severity.${item.severity}`)}
                  </Badge>
                  {item.participantName && item.subject.riskId ? (
                    <Anchor component={Link} to={`/risks/${item.subject.riskId}`} fw={600}>
                      {item.participantName}
                    </Anchor>
                  ) : item.participantName && item.subject.approvalId && decidesInInbox ? (
                    <Anchor component={Link} to="/inbox" fw={600}>
                      {item.participantName}
                    </Anchor>
                  ) : item.participantName && item.subject.mentorshipId ? (
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
