import { Button, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { type Mentor, zMentor } from '@tandem/contract';
import type { Policy } from '@tandem/domain';
import { localDate } from '@tandem/domain/time/zone';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiParsed } from '../../lib/api';
import { formatDate, todayIn } from '../../lib/format';

/** RAMP-4: record (or, for staff, withdraw) the day a mentor was briefed on the project's aim. */
export function useBriefing(mentorId: string, onRecorded: (m: Mentor) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (briefedOn: string | null) =>
      apiParsed(zMentor, 'POST', `/api/v1/mentors/${mentorId}/briefing`, { briefedOn }),
    onSuccess: (m) => {
      void qc.invalidateQueries({ queryKey: ['mentors'] });
      onRecorded(m);
    },
  });
}

/**
 * The registry's record of the briefing (RAMP-4), where the program asks for
 * one: until it is there, the mentor's first contact is refused. It saves on
 * its own, beside the profile form, and leaves the profile's version alone.
 */
export function BriefingControl({ mentor, policy }: { mentor: Mentor; policy: Policy }) {
  const { t, i18n } = useTranslation();
  const [briefedAt, setBriefedAt] = useState(mentor.briefedAt);
  const [on, setOn] = useState(() => todayIn(policy.timeZone));
  const record = useBriefing(mentor.id, (m) => setBriefedAt(m.briefedAt));
  const rule = policy.briefing;
  if (!rule) return null;
  return (
    <Paper withBorder p="md" data-testid="briefing">
      <Title order={3} size="h4" mb={4}>
        {t('briefing.title')}
      </Title>
      {briefedAt ? (
        <Group gap="sm">
          <Text fw={600} data-testid="briefing-done">
            {t('briefing.done', {
              date: formatDate(localDate(new Date(briefedAt), policy.timeZone), i18n.language),
              ruleId: rule.ruleId,
            })}
          </Text>
          <Button variant="subtle" color="gray" size="xs" onClick={() => record.mutate(null)}>
            {t('briefing.withdraw')}
          </Button>
        </Group>
      ) : (
        <>
          <Text size="sm" c="orange.8" mb="xs">
            {t('briefing.missing', { ruleId: rule.ruleId })}
          </Text>
          <Group align="flex-end" gap="xs">
            <TextInput
              type="date"
              label={t('briefing.on')}
              value={on}
              max={todayIn(policy.timeZone)}
              onChange={(e) => setOn(e.currentTarget.value)}
            />
            <Button
              variant="light"
              loading={record.isPending}
              disabled={!on}
              onClick={() => record.mutate(on)}
            >
              {t('briefing.record')}
            </Button>
          </Group>
        </>
      )}
      {record.error ? <ProblemAlert error={record.error} /> : null}
    </Paper>
  );
}
