import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Candidates } from '@tandem/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { useDomainText } from '../../lib/messages';

type Part = Candidates['candidates'][number]['parts'][number];

/** Why a mentor ranks where it does, in the reader's language: "shares Arabic (5/5) · 3 km · 4 common hours". */
function useWhy() {
  const { t, i18n } = useTranslation();
  const languageName = (code: string) =>
    new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
  return (parts: Part[]) =>
    parts
      .filter((p) => p.points > 0)
      .map((p) => {
        const v = p.params;
        switch (p.criterion) {
          case 'language':
            return t('candidates.why.language', {
              language: languageName(String(v.language)),
              level: v.level,
            });
          case 'distance':
            return v.virtual ? t('candidates.why.virtual') : t('candidates.why.distance', { km: v.km });
          case 'availability':
            return t('candidates.why.hours', { count: Number(v.hours) });
          case 'sector':
            return t('candidates.why.sector');
          case 'gender':
            return t('candidates.why.gender');
          case 'interests':
            return t('candidates.why.interests', { shared: v.shared });
          case 'domains':
            return t('candidates.why.domains', { covered: v.covered });
          default:
            return t('candidates.why.load', { active: v.activeMentees, capacity: v.capacity });
        }
      })
      .join(' · ');
}

export function CandidatesPanel({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const text = useDomainText();
  const why = useWhy();
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
