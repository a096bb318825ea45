import { Button, Group, Paper, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { IconMoodCry, IconMoodHappy, IconMoodNeutral, IconMoodSad, IconMoodSmile } from '@tabler/icons-react';
import { type CheckIn, zCheckIn } from '@tandem/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiParsed } from '../../lib/api';
import { useMyCheckIns } from './api';

const FACES = [
  { value: 1, Icon: IconMoodCry, color: 'red' },
  { value: 2, Icon: IconMoodSad, color: 'orange' },
  { value: 3, Icon: IconMoodNeutral, color: 'yellow' },
  { value: 4, Icon: IconMoodSmile, color: 'lime' },
  { value: 5, Icon: IconMoodHappy, color: 'teal' },
] as const;

/**
 * The daily check-in (SIVA-2): one tap on a face, a few words if they like.
 * Once a day; the same day it can be changed. A retry after a dropped
 * connection reuses its Idempotency-Key, so it is never saved twice.
 */
export function CheckInCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useMyCheckIns();
  const today = list.data?.items.find((c) => c.day === list.data?.today) ?? null;
  const [face, setFace] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: (existing: CheckIn | null) => {
      const body = { wellbeing: face, note: note.trim() || null };
      return existing
        ? apiParsed(zCheckIn, 'PATCH', `/api/v1/check-ins/${existing.id}`, body, {
            'if-match': `"${existing.version}"`,
          })
        : apiParsed(zCheckIn, 'POST', '/api/v1/check-ins', body, { 'idempotency-key': key });
    },
    onSuccess: () => {
      setEditing(false);
      setKey(crypto.randomUUID());
      void qc.invalidateQueries({ queryKey: ['check-ins'] });
    },
  });

  const showForm = !today || editing;
  const chosen = face ?? today?.wellbeing ?? null;
  return (
    <Paper withBorder p="lg" radius="lg" data-testid="check-in">
      <Stack>
        <Title order={2} size="h3">
          {t('portal.checkIn.title')}
        </Title>
        {showForm ? (
          <>
            <Text size="lg">{t('portal.checkIn.question')}</Text>
            <Group
              justify="space-between"
              wrap="nowrap"
              gap={4}
              role="radiogroup"
              aria-label={t('portal.checkIn.question')}
            >
              {FACES.map(({ value, Icon, color }) => (
                <UnstyledButton
                  key={value}
                  role="radio"
                  aria-checked={chosen === value}
                  aria-label={t(`portal.checkIn.faces.${value}`)}
                  onClick={() => setFace(value)}
                  p={4}
                  style={{
                    borderRadius: 16,
                    outline: chosen === value ? `3px solid var(--mantine-color-${color}-6)` : 'none',
                    background: chosen === value ? `var(--mantine-color-${color}-0)` : 'transparent',
                  }}
                >
                  <Icon size={52} stroke={1.5} color={`var(--mantine-color-${color}-7)`} aria-hidden />
                </UnstyledButton>
              ))}
            </Group>
            <Textarea
              size="md"
              label={t('portal.checkIn.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={500}
              autosize
              minRows={2}
            />
            {save.error ? <ProblemAlert error={save.error} /> : null}
            <Button
              size="lg"
              disabled={chosen === null}
              loading={save.isPending}
              onClick={() => save.mutate(today)}
            >
              {t('portal.checkIn.save')}
            </Button>
          </>
        ) : (
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              {FACES.filter((f) => f.value === today?.wellbeing).map(({ value, Icon, color }) => (
                <Icon
                  key={value}
                  size={44}
                  stroke={1.5}
                  color={`var(--mantine-color-${color}-7)`}
                  aria-hidden
                />
              ))}
              <Text size="lg" data-testid="checked-in">
                {t('portal.checkIn.done', { feeling: t(`portal.checkIn.faces.${today?.wellbeing ?? 3}`) })}
              </Text>
            </Group>
            {today?.editable ? (
              <Button
                variant="light"
                onClick={() => {
                  setFace(today.wellbeing);
                  setNote(today.note ?? '');
                  setEditing(true);
                }}
              >
                {t('portal.checkIn.change')}
              </Button>
            ) : null}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
