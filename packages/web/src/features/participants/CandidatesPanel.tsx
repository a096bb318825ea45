import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Candidates } from '@tandem/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useScoreReasons } from '../../components/ScoreReasons';
import { api } from '../../lib/api';
import { useDomainText } from '../../lib/messages';

type Candidate = Candidates['candidates'][number];

/** The candidate list asks for the participant, with the former mentors the coordinator allowed again. */
const candidatesUrl = (participantId: string, allowed: string[]) => {
  const query = allowed.map((id) => `allowed=${encodeURIComponent(id)}`).join('&');
  return `/api/v1/participants/${participantId}/candidates${query ? `?${query}` : ''}`;
};

/**
 * The mentors a participant may be matched with, ranked and explained, and the
 * ones the program's rules exclude. For a person whose mentorship waits for a
 * new mentor (MOH-16), the proposal goes to that mentorship, and its former
 * mentors are ruled out by default, as in a cohort allocation: listed with the
 * reason, and allowed again at the coordinator's choice.
 */
export function CandidatesPanel({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const text = useDomainText();
  const why = useScoreReasons();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [allowed, setAllowed] = useState<string[]>([]);
  const list = useQuery({
    queryKey: ['candidates', participantId, allowed],
    queryFn: () => api<Candidates>('GET', candidatesUrl(participantId, allowed)),
    placeholderData: (previous) => previous,
  });
  const data = list.data;
  const propose = useMutation({
    mutationFn: (mentorId: string) =>
      data?.placement === 'rematch' && data.mentorship
        ? api<{ id: string }>(
            'POST',
            `/api/v1/mentorships/${data.mentorship.id}/match`,
            { mentorId },
            { 'if-match': `"${data.mentorship.version}"` },
          )
        : api<{ id: string }>('POST', '/api/v1/mentorships', { participantId, mentorId }),
    onSuccess: (m) => {
      void qc.invalidateQueries({ queryKey: ['participants'] });
      void qc.invalidateQueries({ queryKey: ['mentorships'] });
      navigate(`/mentorships/${m.id}`);
    },
  });
  if (data?.placement === 'held' && data.mentorship) {
    return (
      <Paper withBorder p="md" data-testid="candidates">
        <Text>
          {t('formerMentors.held')}{' '}
          <Anchor component={Link} to={`/mentorships/${data.mentorship.id}`}>
            {t('formerMentors.openMentorship')}
          </Anchor>
        </Text>
      </Paper>
    );
  }
  const row = (c: Candidate, i: number) => (
    <Group key={c.mentorId} justify="space-between" wrap="nowrap" align="flex-start" data-testid="candidate">
      <div style={{ minWidth: 0 }}>
        <Group gap="xs">
          <Badge variant="light">{i + 1}</Badge>
          <Text fw={600}>{c.displayName}</Text>
          {allowed.includes(c.mentorId) ? (
            <Badge variant="outline" color="gray">
              {t('formerMentors.badge')}
            </Badge>
          ) : null}
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
        style={{ flexShrink: 0 }}
        loading={propose.isPending && propose.variables === c.mentorId}
        onClick={() => propose.mutate(c.mentorId)}
      >
        {t('candidates.propose')}
      </Button>
    </Group>
  );
  return (
    <Paper withBorder p="md" data-testid="candidates">
      <Title order={3} size="h4" mb="sm">
        {t('candidates.title')}
      </Title>
      {data?.placement === 'rematch' ? (
        <Alert variant="light" mb="sm" data-testid="rematch-note">
          {t('formerMentors.rematchNote')}
        </Alert>
      ) : null}
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {propose.error ? <ProblemAlert error={propose.error} /> : null}
      <Stack gap="xs">
        {data?.candidates.map(row)}
        {data && data.candidates.length === 0 ? <Text c="dimmed">{t('candidates.none')}</Text> : null}
        {data && data.ruledOutByDefault.length > 0 ? (
          <Stack gap={4} mt="sm" data-testid="former-mentors">
            <Text size="sm" fw={600}>
              {t('formerMentors.title')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('formerMentors.help')}
            </Text>
            {data.ruledOutByDefault.map((f) => (
              <Group key={f.mentorId} gap="xs" wrap="nowrap">
                <Text size="sm">{f.displayName}</Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setAllowed((all) => [...all, f.mentorId])}
                >
                  {t('formerMentors.allow')}
                </Button>
              </Group>
            ))}
          </Stack>
        ) : null}
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

/**
 * Whether the participant's file offers candidates: the person has no open
 * mentorship, or theirs awaits a match (the panel then asks the server whether
 * it waits for a new mentor or already has one proposed).
 */
export const looksForMentor = (p: { mentorshipId: string | null; mentorshipState: string | null }) =>
  p.mentorshipId === null || p.mentorshipState === 'awaiting_match';
