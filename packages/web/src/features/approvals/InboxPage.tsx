import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import type { Approval } from '@tandem/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { useDomainText } from '../../lib/messages';

function Decide({ approval }: { approval: Approval }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (outcome: 'approve' | 'refuse') =>
      api('POST', `/api/v1/approvals/${approval.id}/decision`, { outcome, reason }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['approvals'] }),
  });
  return (
    <Stack gap="xs">
      <Textarea
        label={t('inbox.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        required
      />
      {decide.error ? <ProblemAlert error={decide.error} /> : null}
      <Group>
        <Button
          color="teal"
          disabled={!reason.trim()}
          loading={decide.isPending && decide.variables === 'approve'}
          onClick={() => decide.mutate('approve')}
        >
          {t('inbox.approve')}
        </Button>
        <Button
          color="red"
          variant="light"
          disabled={!reason.trim()}
          loading={decide.isPending && decide.variables === 'refuse'}
          onClick={() => decide.mutate('refuse')}
        >
          {t('inbox.refuse')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Requests routed to the signed-in role: the committee decides extensions, the coordinator cap overrides. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const text = useDomainText();
  const [status, setStatus] = useState('pending');
  const list = useQuery({
    queryKey: ['approvals', status],
    queryFn: () => api<{ items: Approval[] }>('GET', `/api/v1/approvals?status=${status}`),
  });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('inbox.title')}</Title>
      <SegmentedControl
        value={status}
        onChange={setStatus}
        data={[
          { value: 'pending', label: t('inbox.pending') },
          { value: 'decided', label: t('inbox.decided') },
        ]}
      />
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.data && items.length === 0 ? <Text>{t('inbox.empty')}</Text> : null}
      {items.map((a) => (
        <Paper key={a.id} withBorder p="md" data-testid="approval">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>
              {text.label(a.kind)} · {a.participant.displayName}
            </Text>
            <Badge variant="light">{a.ruleId}</Badge>
          </Group>
          <Text size="sm">
            {typeof a.params.until === 'string'
              ? t('inbox.until', { date: formatDate(a.params.until, i18n.language) })
              : null}
          </Text>
          <Text size="sm" c="dimmed">
            {t('inbox.requested', {
              name: a.requestedBy.displayName,
              date: formatDateTime(a.requestedAt, i18n.language),
            })}
          </Text>
          <Text size="sm" mt="xs" dir="auto">
            {a.reason}
          </Text>
          {a.status === 'pending' ? (
            <Paper mt="sm" p="sm" bg="gray.0">
              <Decide approval={a} />
            </Paper>
          ) : (
            <Text size="sm" mt="sm">
              <Badge variant="light" color={a.status === 'approved' ? 'teal' : 'red'}>
                {text.label(a.status)}
              </Badge>{' '}
              {a.decisionReason}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
