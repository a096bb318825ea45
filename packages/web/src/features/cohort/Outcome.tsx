import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { BatchConfirmed } from '@tandem/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../lib/api';
import { useDomainText } from '../../lib/messages';
import type { Pair, Proposal } from './api';

/** Who the allocation left out, and why. */
export function Unassigned({ items, names }: { items: Proposal['unassigned']; names: Map<string, string> }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="unassigned">
      <Title order={3} size="h4" mb="xs">
        {t('cohort.unassigned.title', { count: items.length })}
      </Title>
      <List spacing={4}>
        {items.map((u) => (
          <List.Item key={u.participantId}>
            <Anchor component={Link} to={`/participants/${u.participantId}`}>
              {names.get(u.participantId) ?? t('common.none')}
            </Anchor>
            {' — '}
            <Text span c="dimmed">
              {t(`cohort.unassigned.${u.reason}`)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

/** Pairs left out of the allocation, each with a button to allow it again. */
function PairsToAllow({
  pairs,
  names,
  onAllow,
  title,
  help,
  testId,
}: {
  pairs: Pair[];
  names: Map<string, string>;
  onAllow: (pair: Pair) => void;
  title: string;
  help?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  if (pairs.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={3} size="h5" mb={help ? 0 : 'xs'}>
        {title}
      </Title>
      {help ? (
        <Text size="sm" c="dimmed" mb="xs">
          {help}
        </Text>
      ) : null}
      <Stack gap={4}>
        {pairs.map((p) => (
          <Group key={`${p.participantId}:${p.mentorId}`} gap="xs">
            <Text size="sm">
              {t('cohort.pair', {
                participant: names.get(p.participantId) ?? '',
                mentor: names.get(p.mentorId) ?? '',
              })}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => onAllow(p)}>
              {t('cohort.allow')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

type PairsProps = { pairs: Pair[]; names: Map<string, string>; onAllow: (pair: Pair) => void };

/** The pairs the coordinator ruled out; each can be allowed again. */
export function RuledOut(props: PairsProps) {
  const { t } = useTranslation();
  return <PairsToAllow {...props} title={t('cohort.forbidden')} testId="ruled-out" />;
}

/**
 * MOH-16: people waiting for a new mentor are not offered the mentors who left
 * their mentorship or were judged a mismatch. No rule forbids such a pair, so
 * it is ruled out by default and the coordinator may allow it again.
 */
export function FormerMentors(props: PairsProps) {
  const { t } = useTranslation();
  return (
    <PairsToAllow
      {...props}
      title={t('cohort.former.title')}
      help={t('cohort.former.help')}
      testId="former-mentors"
    />
  );
}

interface RefusedPair {
  participantName: string;
  mentorName: string;
  refusals: { ruleId: string; code: string; params: Record<string, string | number | boolean | null> }[];
}

/** A refused confirmation names every pair that may no longer stand, each with its rules, in the reader's language. */
export function RefusedPairs({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const text = useDomainText();
  if (!(error instanceof ApiError)) return null;
  const pairs = (error.problem?.params?.pairs ?? []) as RefusedPair[];
  if (!Array.isArray(pairs) || pairs.length === 0) return null;
  return (
    <Alert color="red" variant="outline" data-testid="refused-pairs" title={t('cohort.refusedTitle')}>
      <List spacing={4}>
        {pairs.map((p) => (
          <List.Item key={`${p.participantName}:${p.mentorName}`}>
            <Text span fw={600}>
              {t('cohort.pair', { participant: p.participantName, mentor: p.mentorName })}
            </Text>
            {': '}
            {p.refusals.map((r) => text.refusal(r)).join(' ')}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** What the confirmation created, with the way into each file. */
export function ConfirmedList({ result }: { result: BatchConfirmed }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="teal"
      title={t('cohort.created.title', { count: result.created.length })}
      data-testid="created"
    >
      <Text size="sm" mb="xs">
        {t('cohort.created.next')}
      </Text>
      <List spacing={4}>
        {result.created.map((c) => (
          <List.Item key={c.mentorshipId}>
            <Anchor component={Link} to={`/participants/${c.participantId}`}>
              {c.participantName}
            </Anchor>
            {' · '}
            {c.mentorName}
            {c.rematch ? (
              <Text span c="dimmed" size="sm">
                {' · '}
                {t('cohort.created.rematch')}
              </Text>
            ) : null}
            {' · '}
            <Anchor component={Link} to={`/mentorships/${c.mentorshipId}`}>
              {t('cohort.created.open')}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
