import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import type { MentorshipFile } from '@tandem/contract';
import type { Policy } from '@tandem/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';

/**
 * RAMP-5: participant and mentor agree together how often they are in touch;
 * the rhythm is recorded on the mentorship and "Needs attention" flags contact
 * that lapses beyond it. Shown only where the program's rhythm is agreed per pair.
 */
export function RhythmPanel({ file, policy }: { file: MentorshipFile; policy: Policy }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const rule = policy.contactRhythm;
  const [days, setDays] = useState<number | string>(file.agreedEveryDays ?? '');
  const save = useMutation({
    mutationFn: (everyDays: number | null) =>
      api<MentorshipFile>(
        'POST',
        `/api/v1/mentorships/${file.id}/agreed-rhythm`,
        { everyDays },
        { 'if-match': `"${file.version}"` },
      ),
    onSuccess: (next) => {
      qc.setQueryData(['mentorship', file.id], next);
      setDays(next.agreedEveryDays ?? '');
      void qc.invalidateQueries({ queryKey: ['attention'] });
    },
    // Someone else changed the mentorship meanwhile (412): load their version to start again from.
    onError: () => void qc.invalidateQueries({ queryKey: ['mentorship', file.id] }),
  });
  if (rule?.kind !== 'agreed') return null;
  const fallback = rule.defaultEveryDays;
  const valid = typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 365;
  return (
    <Paper withBorder p="md" data-testid="agreed-rhythm">
      <Title order={3} size="h4" mb={4}>
        {t('rhythm.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('rhythm.hint', { ruleId: rule.ruleId })}
      </Text>
      <Stack gap="xs">
        <Text fw={600} data-testid="agreed-rhythm-now">
          {file.agreedEveryDays
            ? t('rhythm.every', { count: file.agreedEveryDays })
            : fallback
              ? t('rhythm.notAgreedDefault', { count: fallback })
              : t('rhythm.notAgreed')}
        </Text>
        {file.state !== 'closed' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (valid) save.mutate(days);
            }}
          >
            <Group align="flex-end" gap="xs">
              <NumberInput
                label={t('rhythm.days')}
                value={days}
                onChange={setDays}
                min={1}
                max={365}
                allowDecimal={false}
                w={180}
              />
              <Button type="submit" variant="light" loading={save.isPending} disabled={!valid}>
                {t('rhythm.save')}
              </Button>
              {file.agreedEveryDays ? (
                <Button variant="subtle" color="gray" onClick={() => save.mutate(null)}>
                  {t('rhythm.clear')}
                </Button>
              ) : null}
            </Group>
          </form>
        ) : null}
        {save.error ? <ProblemAlert error={save.error} /> : null}
      </Stack>
    </Paper>
  );
}
