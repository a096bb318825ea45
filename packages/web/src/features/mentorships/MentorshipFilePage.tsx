import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import type { MentorshipFile, Program } from '@tandem/contract';
import type { MentorshipAction } from '@tandem/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useDomainText } from '../../lib/messages';
import { ACTION_PATHS, ActionDialog } from './ActionDialog';

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}

/**
 * The mentorship file: facts, the plan with progress, the timeline, approvals,
 * and the actions the domain allows now — the same answer the server enforces.
 * A refused action stays visible with the rule's own sentence.
 */
export function MentorshipFilePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const text = useDomainText();
  const qc = useQueryClient();
  const [action, setAction] = useState<MentorshipAction | null>(null);
  const [goalTitle, setGoalTitle] = useState('');
  const file = useQuery({
    queryKey: ['mentorship', id],
    queryFn: () => api<MentorshipFile>('GET', `/api/v1/mentorships/${id}`),
  });
  const m = file.data;
  const program = useQuery({
    queryKey: ['program', m?.programId],
    enabled: Boolean(m?.programId),
    queryFn: () => api<Program>('GET', `/api/v1/programs/${m!.programId}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['mentorship', id] });
  const addGoal = useMutation({
    mutationFn: () => api('POST', `/api/v1/mentorships/${id}/goals`, { title: goalTitle, domains: [] }),
    onSuccess: () => {
      setGoalTitle('');
      void refresh();
    },
  });
  const rate = useMutation({
    mutationFn: (v: { goalId: string; rating: number }) =>
      api('POST', `/api/v1/goals/${v.goalId}/ratings`, {
        on: new Date().toISOString().slice(0, 10),
        rating: v.rating,
      }),
    onSuccess: () => void refresh(),
  });
  const date = (d: string | null | undefined) => (d ? formatDate(d, i18n.language) : t('common.none'));
  const actions = (m?.availableActions ?? []).filter((a) => ACTION_PATHS[a.action]);

  return (
    <Stack>
      <Anchor component={Link} to="/mentorships" size="sm">
        {t('common.back')}
      </Anchor>
      {file.error ? <ProblemAlert error={file.error} /> : null}
      {m ? (
        <>
          <Group justify="space-between">
            <Title order={2}>{m.participant.displayName}</Title>
            <Badge size="lg" variant="light" data-testid="mentorship-state">
              {text.label(m.state)}
            </Badge>
          </Group>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Fact label={t('mentorships.mentor')} value={m.mentor?.displayName ?? t('common.none')} />
              <Fact label={t('mentorships.program')} value={program.data?.name ?? t('common.none')} />
              <Fact label={t('mentorships.started')} value={date(m.startedOn)} />
              <Fact
                label={t('mentorships.trialReview')}
                value={m.trialReviewedOn ? date(m.trialReviewedOn) : date(m.trialReviewDueOn)}
              />
              <Fact label={t('mentorships.plannedEnd')} value={date(m.plannedEndOn)} />
              <Fact label={t('mentorships.mode')} value={text.label(m.mode)} />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t('mentorships.actions')}
            </Title>
            <Group gap="xs" mb="sm">
              {actions
                .filter((a) => a.allowed)
                .map((a) => (
                  <Button key={a.action} onClick={() => setAction(a.action)} size="sm">
                    {text.label(a.action)}
                  </Button>
                ))}
            </Group>
            <Stack gap="xs">
              {actions
                .filter((a) => !a.allowed)
                .map((a) => (
                  <Group key={a.action} gap="xs" wrap="nowrap" align="flex-start">
                    <Button variant="default" disabled size="xs">
                      {text.label(a.action)}
                    </Button>
                    <Stack gap={2}>
                      {a.refusals.map((r) => (
                        <Text key={`${r.ruleId}-${r.code}`} size="sm" c="dimmed" dir="auto">
                          {text.refusal(r)}
                        </Text>
                      ))}
                    </Stack>
                  </Group>
                ))}
              {actions.length === 0 ? <Text c="dimmed">{t('mentorships.noActions')}</Text> : null}
            </Stack>
          </Paper>

          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t('mentorships.plan')}
            </Title>
            <Stack gap="sm">
              {(m.plan?.goals ?? []).map((g) => (
                <Paper key={g.id} withBorder p="sm">
                  <Group justify="space-between" wrap="wrap">
                    <div>
                      <Text fw={600}>{g.title}</Text>
                      <Text size="xs" c="dimmed">
                        {g.domains.join(', ')}
                        {g.latestRating
                          ? ` · ${t('mentorships.lastRating', { rating: g.latestRating.rating, date: date(g.latestRating.on) })}`
                          : ''}
                      </Text>
                    </div>
                    <SegmentedControl
                      size="xs"
                      aria-label={t('mentorships.rate')}
                      value={g.latestRating ? String(g.latestRating.rating) : ''}
                      onChange={(v) => rate.mutate({ goalId: g.id, rating: Number(v) })}
                      data={['1', '2', '3', '4', '5']}
                    />
                  </Group>
                </Paper>
              ))}
              {!m.plan || m.plan.goals.length === 0 ? (
                <Text c="dimmed">{t('mentorships.noPlan')}</Text>
              ) : null}
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (goalTitle.trim()) addGoal.mutate();
                }}
              >
                <Group align="flex-end">
                  <TextInput
                    label={t('mentorships.newGoal')}
                    value={goalTitle}
                    onChange={(e) => setGoalTitle(e.currentTarget.value)}
                    style={{ flex: 1 }}
                  />
                  <Button type="submit" variant="light" loading={addGoal.isPending}>
                    {t('mentorships.addGoal')}
                  </Button>
                </Group>
              </form>
              {addGoal.error ? <ProblemAlert error={addGoal.error} /> : null}
            </Stack>
          </Paper>

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="sm">
                {t('mentorships.history')}
              </Title>
              <Timeline bulletSize={14} lineWidth={2}>
                {m.history.map((h) => (
                  <Timeline.Item key={h.id} title={text.label(h.action)}>
                    <Text size="xs" c="dimmed">
                      {date(h.on)} · {h.fromState ? `${text.label(h.fromState)} → ` : ''}
                      {text.label(h.toState)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
              {m.history.length === 0 ? <Text c="dimmed">{t('common.none')}</Text> : null}
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="sm">
                {t('mentorships.approvals')}
              </Title>
              <Stack gap="xs">
                {m.approvals.map((a) => (
                  <Group key={a.id} justify="space-between">
                    <Text size="sm">
                      {text.label(a.kind)} ({a.ruleId})
                    </Text>
                    <Badge variant="light">{text.label(a.status)}</Badge>
                  </Group>
                ))}
                {m.approvals.length === 0 ? <Text c="dimmed">{t('common.none')}</Text> : null}
              </Stack>
            </Paper>
          </SimpleGrid>
          {action ? <ActionDialog file={m} action={action} onClose={() => setAction(null)} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
