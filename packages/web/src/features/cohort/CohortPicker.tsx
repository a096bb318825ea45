import { Button, Checkbox, Group, Paper, ScrollArea, SimpleGrid, Text, Title } from '@mantine/core';
import type { Participant } from '@tandem/contract';
import { useTranslation } from 'react-i18next';
import { useVocab } from '../../lib/vocab';

interface Props {
  waiting: Participant[];
  /** People whose mentorship waits for a new mentor (MOH-16). */
  rematch: Set<string>;
  selected: Set<string>;
  onChange: (next: Set<string>) => void;
}

/** The cohort: the program's participants waiting for a mentor, each with a box to take them in or leave them out. */
export function CohortPicker({ waiting, rematch, selected, onChange }: Props) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={3} size="h4">
            {t('cohort.cohort')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('cohort.cohortHelp')}
          </Text>
        </div>
        <Group gap="xs">
          <Text size="sm" c="dimmed" data-testid="cohort-count">
            {t('cohort.selected', { count: selected.size })}
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => onChange(new Set(waiting.map((p) => p.id)))}
          >
            {t('cohort.selectAll')}
          </Button>
          <Button size="compact-sm" variant="light" onClick={() => onChange(new Set())}>
            {t('cohort.selectNone')}
          </Button>
        </Group>
      </Group>
      {waiting.length === 0 ? (
        <Text c="dimmed">{t('cohort.noWaiting')}</Text>
      ) : (
        <ScrollArea.Autosize mah={260} type="auto">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" data-testid="cohort">
            {waiting.map((p) => (
              <Checkbox
                key={p.id}
                checked={selected.has(p.id)}
                onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                label={p.displayName}
                description={[
                  rematch.has(p.id) ? t('cohort.needsNewMentor') : null,
                  p.place?.city,
                  ...p.languages.map((l) => vocab.language(l.code)),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ))}
          </SimpleGrid>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
