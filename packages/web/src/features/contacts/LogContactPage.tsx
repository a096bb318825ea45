import {
  Alert,
  Button,
  Chip,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Contact, Participant } from '@tandem/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError, api } from '../../lib/api';

const MODES = ['in_person', 'phone', 'video', 'messenger', 'email'] as const;
const DURATIONS = [15, 30, 60, 90, 120];

function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/**
 * Logging a contact on a phone in a few taps: the mentee is preselected when
 * there is one, now is the default time, durations are one tap. A retry after a
 * dropped connection reuses the same Idempotency-Key, so nothing is logged twice.
 */
export function LogContactPage() {
  const { t } = useTranslation();
  const caseload = useQuery({
    queryKey: ['participants'],
    queryFn: () => api<{ items: Participant[] }>('GET', '/api/v1/participants'),
  });
  const open = (caseload.data?.items ?? []).filter(
    (p) => p.mentorshipId && (p.mentorshipState === 'trial' || p.mentorshipState === 'active'),
  );
  const [mentorshipId, setMentorshipId] = useState<string | null>(null);
  const chosen = mentorshipId ?? (open.length === 1 ? open[0]!.mentorshipId : null);
  const [when, setWhen] = useState(localNow);
  const [minutes, setMinutes] = useState<number | string>(60);
  const [mode, setMode] = useState<(typeof MODES)[number]>('in_person');
  const [reached, setReached] = useState(true);
  const [wellbeing, setWellbeing] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [overCapReason, setOverCapReason] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());

  const save = useMutation({
    mutationFn: () =>
      api<Contact>(
        'POST',
        '/api/v1/contacts',
        {
          mentorshipId: chosen,
          startsAt: new Date(when).toISOString(),
          durationMinutes: Number(minutes),
          mode,
          reached,
          wellbeing: wellbeing ? Number(wellbeing) : null,
          note: note.trim() || null,
          overCapReason: overCapReason.trim() || null,
        },
        { 'idempotency-key': key },
      ),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('contact.saved') });
      setNote('');
      setOverCapReason('');
      setWellbeing(null);
      setKey(crypto.randomUUID());
    },
  });
  const needsReason =
    save.error instanceof ApiError && save.error.problem?.errors?.some((e) => e.field === 'overCapReason');
  const refusalDiffers = save.error instanceof ApiError && save.error.status === 422;

  if (caseload.data && open.length === 0) {
    return (
      <Stack>
        <Title order={2}>{t('contact.title')}</Title>
        <Alert>{t('contact.noMentees')}</Alert>
      </Stack>
    );
  }

  return (
    <Stack maw={520}>
      <Title order={2}>{t('contact.title')}</Title>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (refusalDiffers && !needsReason) setKey(crypto.randomUUID());
            save.mutate();
          }}
        >
          <Stack>
            <Select
              label={t('contact.mentee')}
              data={open.map((p) => ({ value: p.mentorshipId!, label: p.displayName }))}
              value={chosen}
              onChange={setMentorshipId}
              allowDeselect={false}
              required
            />
            <TextInput
              type="datetime-local"
              label={t('contact.when')}
              value={when}
              onChange={(e) => setWhen(e.currentTarget.value)}
              required
            />
            <div>
              <SegmentedControl
                fullWidth
                aria-label={t('contact.mode')}
                value={mode}
                onChange={(v) => setMode(v as (typeof MODES)[number])}
                data={MODES.slice(0, 4).map((m) => ({ value: m, label: t(`contact.modes.${m}`) }))}
              />
            </div>
            <Text size="sm" fw={500} mb={-8}>
              {t('contact.duration')}
            </Text>
            <Group gap="xs" role="group" aria-label={t('contact.duration')}>
              {DURATIONS.map((d) => (
                <Chip key={d} checked={Number(minutes) === d} onChange={() => setMinutes(d)}>
                  {d}
                </Chip>
              ))}
              <NumberInput
                aria-label={t('contact.duration')}
                value={minutes}
                onChange={setMinutes}
                min={0}
                max={1440}
                w={90}
              />
            </Group>
            <Switch
              label={reached ? t('contact.reached') : t('contact.notReached')}
              checked={reached}
              onChange={(e) => setReached(e.currentTarget.checked)}
            />
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('contact.wellbeing')}
              </Text>
              <SegmentedControl
                fullWidth
                aria-label={t('contact.wellbeing')}
                value={wellbeing ?? ''}
                onChange={setWellbeing}
                data={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))}
              />
            </div>
            <Textarea
              label={t('contact.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            {save.error ? <ProblemAlert error={save.error} /> : null}
            {needsReason ? (
              <Textarea
                label={t('contact.overCapReason')}
                value={overCapReason}
                onChange={(e) => setOverCapReason(e.currentTarget.value)}
                required
                autosize
              />
            ) : null}
            <Button type="submit" size="lg" loading={save.isPending} disabled={!chosen}>
              {t('contact.save')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
