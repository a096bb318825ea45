import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import type { MentorshipFile } from '@tandem/contract';
import type { MentorshipAction } from '@tandem/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useDomainText } from '../../lib/messages';
import { useProgram } from '../../lib/policy';
import { ACTION_PATHS, ActionDialog } from './ActionDialog';
import { ContactsPanel } from './ContactsPanel';
import { PlanPanel } from './PlanPanel';
import { RhythmPanel } from './RhythmPanel';

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
  const role = useMe().data?.role;
  const [action, setAction] = useState<MentorshipAction | null>(null);
  const file = useQuery({
    queryKey: ['mentorship', id],
    queryFn: () => api<MentorshipFile>('GET', `/api/v1/mentorships/${id}`),
  });
  const m = file.data;
  const { program, policy } = useProgram(m?.programId);
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
              <Fact label={t('mentorships.program')} value={program?.name ?? t('common.none')} />
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

          {role ? <PlanPanel file={m} role={role} policy={policy} /> : null}
          {policy ? <RhythmPanel file={m} policy={policy} /> : null}

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
          <ContactsPanel mentorshipId={m.id} policy={policy} mayLog={role === 'mentor'} />
          {action ? <ActionDialog file={m} action={action} onClose={() => setAction(null)} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
