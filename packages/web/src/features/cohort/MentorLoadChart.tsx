import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { Mentor } from '@tandem/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from './api';

const SHOWN = 12;

/**
 * Each mentor's load as a bar: mentees they hold now, the ones the proposal
 * adds, and the places left, out of their capacity. Mentors the proposal uses
 * come first, so a coordinator sees at a glance who takes on most.
 */
export function MentorLoadChart({ mentors, proposal }: { mentors: Mentor[]; proposal: Proposal }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const added = new Map<string, number>();
  for (const p of proposal.pairs) added.set(p.mentorId, (added.get(p.mentorId) ?? 0) + 1);
  const rows = mentors
    .filter((m) => m.active && m.capacity > 0)
    .map((m) => ({ m, add: added.get(m.id) ?? 0 }))
    .sort((a, b) => b.add - a.add || a.m.displayName.localeCompare(b.m.displayName));
  const shown = all ? rows : rows.slice(0, SHOWN);
  const share = (n: number, of: number) => (of > 0 ? (100 * n) / of : 0);
  return (
    <Paper withBorder p="md" data-testid="mentor-load">
      <Title order={3} size="h4" mb="xs">
        {t('cohort.load.title')}
      </Title>
      <Group gap="md" mb="sm" aria-hidden>
        <Legend color="gray.6" label={t('cohort.load.current')} />
        <Legend color="blue.6" label={t('cohort.load.proposed')} />
        <Legend color="gray.2" label={t('cohort.load.free')} />
      </Group>
      <Stack gap={6}>
        {shown.map(({ m, add }) => {
          const current = Math.min(m.activeMentees, m.capacity);
          const label = t('cohort.load.row', {
            name: m.displayName,
            current: m.activeMentees,
            proposed: add,
            capacity: m.capacity,
          });
          return (
            <div key={m.id}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" truncate>
                  {m.displayName}
                </Text>
                {/* Numbers read left to right in every language: "1 + 2 / 3". */}
                <Text size="sm" c="dimmed" dir="ltr">
                  {m.activeMentees} + {add} / {m.capacity}
                </Text>
              </Group>
              <Progress.Root size="lg" aria-label={label} role="img">
                <Progress.Section value={share(current, m.capacity)} color="gray.6" />
                <Progress.Section value={share(add, m.capacity)} color="blue.6" />
              </Progress.Root>
            </div>
          );
        })}
      </Stack>
      {rows.length > SHOWN ? (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll((v) => !v)}>
          {all ? t('cohort.load.fewer') : t('cohort.load.all', { count: rows.length })}
        </Button>
      ) : null}
    </Paper>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Progress value={100} color={color} w={14} size="sm" />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
