import {
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Goal, MentorshipFile } from '@tandem/contract';
import type { Policy, Role } from '@tandem/domain';
import { mayOnPlan } from '@tandem/domain/plans/access';
import { countsInPlan, planReadyForStart } from '@tandem/domain/plans/plan';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatDate, todayIn } from '../../lib/format';
import { useVocab } from '../../lib/vocab';

const STATUS_COLOR = { open: 'blue', achieved: 'teal', dropped: 'gray' } as const;

/** A program's support domains as choices, with any a goal already holds (MOH-2, MUNI-1, RAMP-3). */
function DomainPicker({
  policy,
  value,
  onChange,
  held = [],
}: {
  policy: Policy | undefined;
  value: string[];
  onChange: (v: string[]) => void;
  held?: readonly string[];
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const rule = policy?.supportDomains;
  if (!rule) return null;
  return (
    <MultiSelect
      label={t('goals.domains')}
      description={t('goals.domainsHint', { ruleId: rule.ruleId })}
      data={vocab.options('domain', rule.domains, held)}
      value={value}
      onChange={onChange}
      clearable
    />
  );
}

function GoalCard({
  goal,
  role,
  policy,
  onChanged,
}: {
  goal: Goal;
  role: Role;
  policy: Policy | undefined;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const vocab = useVocab();
  const [editing, setEditing] = useState(false);
  const [domains, setDomains] = useState<string[]>([...goal.domains]);
  const [title, setTitle] = useState(goal.title);
  const patch = useMutation({
    mutationFn: (body: Partial<Pick<Goal, 'title' | 'domains' | 'status'>>) =>
      api('PATCH', `/api/v1/goals/${goal.id}`, body, { 'if-match': `"${goal.version}"` }),
    onSuccess: () => {
      setEditing(false);
      onChanged();
    },
    // A 412 means someone else changed the goal: show theirs, keep the message.
    onError: () => onChanged(),
  });
  const rate = useMutation({
    mutationFn: (rating: number) =>
      api('POST', `/api/v1/goals/${goal.id}/ratings`, { on: todayIn(policy?.timeZone), rating }),
    onSuccess: () => onChanged(),
  });
  const mayEdit = mayOnPlan(role, 'edit_goal');
  const open = goal.status === 'open';
  const date = (d: string) => formatDate(d, i18n.language);
  return (
    <Paper withBorder p="sm" data-testid="goal">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{goal.title}</Text>
          <Badge variant="light" color={STATUS_COLOR[goal.status]}>
            {t(`goals.status.${goal.status}`)}
          </Badge>
        </Group>
        <Group gap={4}>
          {goal.domains.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('goals.noDomains')}
            </Text>
          ) : (
            goal.domains.map((d) => (
              <Badge key={d} variant="outline" size="sm" tt="none">
                {vocab.label('domain', d)}
              </Badge>
            ))
          )}
        </Group>
        {goal.ratings.length > 0 ? (
          <Text size="xs" c="dimmed" data-testid="goal-progress">
            {t('goals.progress')}:{' '}
            {goal.ratings
              .slice(-6)
              .map((r) => `${date(r.on)} ${r.rating}/5`)
              .join(' · ')}
          </Text>
        ) : null}
        {open && mayOnPlan(role, 'rate_goal') ? (
          <Group gap="xs" wrap="wrap">
            <Text size="sm">{t('mentorships.rate')}</Text>
            <SegmentedControl
              size="xs"
              aria-label={t('mentorships.rate')}
              value={goal.latestRating ? String(goal.latestRating.rating) : ''}
              onChange={(v) => rate.mutate(Number(v))}
              data={['1', '2', '3', '4', '5']}
              disabled={rate.isPending}
            />
          </Group>
        ) : null}
        {editing ? (
          <Stack gap="xs">
            <TextInput
              label={t('goals.title')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={200}
            />
            {policy?.supportDomains ? (
              <DomainPicker policy={policy} value={domains} onChange={setDomains} held={goal.domains} />
            ) : null}
            <Group gap="xs">
              <Button
                size="xs"
                disabled={!title.trim()}
                // Only what changed is sent, so a save never rewrites a field someone else just edited.
                onClick={() =>
                  patch.mutate({
                    ...(title.trim() !== goal.title ? { title: title.trim() } : {}),
                    ...(policy?.supportDomains ? { domains } : {}),
                  })
                }
                loading={patch.isPending}
              >
                {t('goals.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {t('mentorships.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : mayEdit ? (
          <Group gap="xs">
            {open ? (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => {
                  setTitle(goal.title);
                  setDomains([...goal.domains]);
                  setEditing(true);
                }}
              >
                {t('goals.edit')}
              </Button>
            ) : null}
            {open ? (
              <>
                <Button
                  size="xs"
                  variant="light"
                  color="teal"
                  onClick={() => patch.mutate({ status: 'achieved' })}
                >
                  {t('goals.markAchieved')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="gray"
                  onClick={() => patch.mutate({ status: 'dropped' })}
                >
                  {t('goals.drop')}
                </Button>
              </>
            ) : (
              <Button size="xs" variant="subtle" onClick={() => patch.mutate({ status: 'open' })}>
                {t('goals.reopen')}
              </Button>
            )}
          </Group>
        ) : null}
        {patch.error ? <ProblemAlert error={patch.error} /> : null}
        {rate.error ? <ProblemAlert error={rate.error} /> : null}
      </Stack>
    </Paper>
  );
}

/**
 * The plan: its goals with their support domains, status and progress over
 * time, and — for the roles that write plans — a new goal with its domains.
 * The program's required domains (RAMP-3: an employment goal) are named until
 * a goal that still counts covers them.
 */
export function PlanPanel({
  file,
  role,
  policy,
}: {
  file: MentorshipFile;
  role: Role;
  policy: Policy | undefined;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [domains, setDomains] = useState<string[]>([]);
  const refresh = () => qc.invalidateQueries({ queryKey: ['mentorship', file.id] });
  const add = useMutation({
    mutationFn: () => api('POST', `/api/v1/mentorships/${file.id}/goals`, { title: title.trim(), domains }),
    onSuccess: () => {
      setTitle('');
      setDomains([]);
      void refresh();
    },
  });
  const goals = file.plan?.goals ?? [];
  // The start rule's own answer (RAMP-3): which required domains no goal that counts covers yet.
  const readiness =
    policy && file.state === 'awaiting_match'
      ? planReadyForStart(
          {
            goals: goals
              .filter(countsInPlan)
              .map((g) => ({ id: g.id, title: g.title, domains: g.domains, progress: [] })),
          },
          policy,
        )
      : null;
  const missing =
    readiness && !readiness.ok
      ? readiness.refusals.filter((r) => r.code === 'plan_required_domain_missing')
      : [];
  return (
    <Paper withBorder p="md" data-testid="plan">
      <Title order={3} size="h4" mb="sm">
        {t('mentorships.plan')}
      </Title>
      <Stack gap="sm">
        {goals.map((g) => (
          <GoalCard key={g.id} goal={g} role={role} policy={policy} onChanged={refresh} />
        ))}
        {goals.length === 0 ? <Text c="dimmed">{t('mentorships.noPlan')}</Text> : null}
        {missing.map((r) => (
          <Text key={String(r.params.domain)} size="sm" c="orange.8" data-testid="plan-required">
            {t('goals.required', {
              domain: vocab.label('domain', String(r.params.domain)),
              ruleId: r.ruleId,
            })}
          </Text>
        ))}
        {mayOnPlan(role, 'add_goal') && file.state !== 'closed' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (title.trim()) add.mutate();
            }}
          >
            <Stack gap="xs">
              <TextInput
                label={t('mentorships.newGoal')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
              />
              <DomainPicker policy={policy} value={domains} onChange={setDomains} />
              <Group>
                <Button type="submit" variant="light" loading={add.isPending} disabled={!title.trim()}>
                  {t('mentorships.addGoal')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {add.error ? <ProblemAlert error={add.error} /> : null}
      </Stack>
    </Paper>
  );
}
