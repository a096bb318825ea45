import { Anchor, Badge, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { SEVERITY_COLOR, useRisks } from './api';

/** The coordinator's risk list (CM-4): open and referred signs first, each tracked to its referral's outcome. */
export function RiskListPage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('active');
  const list = useRisks(status);
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('risks.list.title')}</Title>
      <SegmentedControl
        value={status}
        onChange={setStatus}
        data={['active', 'closed', 'all'].map((s) => ({ value: s, label: t(`risks.list.filter.${s}`) }))}
      />
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.data && items.length === 0 ? <Text>{t('risks.list.empty')}</Text> : null}
      <Stack gap="xs" data-testid="risk-list">
        {items.map((r) => (
          <Paper
            key={r.id}
            withBorder
            p="sm"
            style={{
              borderInlineStartWidth: 4,
              borderInlineStartColor: `var(--mantine-color-${SEVERITY_COLOR[r.severity]}-6)`,
            }}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Badge color={SEVERITY_COLOR[r.severity]}>{t(`risks.severity.${r.severity}`)}</Badge>
                  <Badge variant="light" color={r.status === 'open' ? 'red' : 'gray'}>
                    {t(`risks.status.${r.status}`)}
                  </Badge>
                  <Anchor component={Link} to={`/risks/${r.id}`} fw={600}>
                    {r.participantName}
                  </Anchor>
                </Group>
                <Text size="sm" mt={4}>
                  {r.indicators.map((i) => t(`risks.indicator.${i}`)).join(' · ')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('risks.list.observedBy', { name: r.observedByName })}
                  {r.alert ? ` · ${t(`risks.email.${r.alert.emailStatus}`)}` : ''}
                </Text>
              </div>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(r.observedAt, i18n.language)}
              </Text>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
