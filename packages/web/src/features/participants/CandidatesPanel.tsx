import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Candidates } from '@tandem/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useScoreReasons } from '../../components/ScoreReasons';
import { api } from '../../lib/api';
import { useDomainText } from '../../lib/messages';

export function CandidatesPanel({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const text = useDomainText();
  const why = useScoreReasons();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['candidates', participantId],
    queryFn: () => api<Candidates>('GET', `/api/v1/participants/${participantId}/candidates`),
  });
  const propose = useMutation({
    mutationFn: (mentorId: string) =>
      api<{ id: string }>('POST', '/api/v1/mentorships', { participantId, mentorId }),
    onSuccess: (m) => {
      void qc.invalidateQueries({ queryKey: ['participants'] });
      navigate(`/mentorships/${m.id}`);
    },
  });
  const data = list.data;
  return (
    <Paper withBorder p="md" data-testid="candidates">
      <Title order={3} size="h4" mb="sm">
        {t('candidates.title')}
      </Title>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {propose.error ? <ProblemAlert error={propose.error} /> : null}
      <Stack gap="xs">
        {data?.candidates.map((c, i) => (
          <Group key={c.mentorId} justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Badge variant="light">{i + 1}</Badge>
                <Text fw={600}>{c.displayName}</Text>
                <Text size="sm" c="dimmed">
                  {t('candidates.points', { points: c.total })}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {why(c.parts)}
              </Text>
            </div>
            <Button
              size="xs"
              variant="light"
              loading={propose.isPending && propose.variables === c.mentorId}
              onClick={() => propose.mutate(c.mentorId)}
            >
              {t('candidates.propose')}
            </Button>
          </Group>
        ))}
        {data && data.candidates.length === 0 ? <Text c="dimmed">{t('candidates.none')}</Text> : null}
        {data && data.excluded.length > 0 ? (
          <>
            <Text size="sm" fw={600} mt="sm">
              {t('candidates.excluded')}
            </Text>
            {data.excluded.map((e) => (
              <Text key={e.mentorId} size="sm" c="dimmed" dir="auto">
                {e.displayName}: {e.refusals.map((r) => text.refusal(r)).join(' ')}
              </Text>
            ))}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
