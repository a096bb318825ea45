import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Group,
  MultiSelect,
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
import { type Contact, type Participant, zMentorList } from '@tandem/contract';
import { type ContactMode, contactTerms, modeWithin } from '@tandem/domain/contacts/index';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError, api, apiParsed } from '../../lib/api';
import { todayIn } from '../../lib/format';
import { useDomainText } from '../../lib/messages';
import { useProgram } from '../../lib/policy';
import { useVocab } from '../../lib/vocab';
import { useBriefing } from '../mentors/BriefingControl';

const DURATIONS = [15, 30, 60, 90, 120];

function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/**
 * Logging a contact on a phone in a few taps: the mentee is preselected when
 * there is one, now is the default time, durations are one tap, and the form
 * offers what the mentee's program records — its modes (SIVA-5), its support
 * domains (MOH-2, MUNI-1), accompaniment where it has it (MUNI-2), the
 * special-activity mark on the visits its weekly cap counts (MOH-3). A retry
 * after a dropped connection reuses the same Idempotency-Key, so nothing is
 * logged twice.
 */
export function LogContactPage() {
  const { t } = useTranslation();
  const text = useDomainText();
  const vocab = useVocab();
  const caseload = useQuery({
    queryKey: ['participants'],
    queryFn: () => api<{ items: Participant[] }>('GET', '/api/v1/participants'),
  });
  const open = (caseload.data?.items ?? []).filter(
    (p) => p.mentorshipId && (p.mentorshipState === 'trial' || p.mentorshipState === 'active'),
  );
  const [mentorshipId, setMentorshipId] = useState<string | null>(null);
  const chosen = mentorshipId ?? (open.length === 1 ? open[0]!.mentorshipId : null);
  const programId = open.find((p) => p.mentorshipId === chosen)?.programId;
  const { policy } = useProgram(programId);
  const isMentor = useMe().data?.role === 'mentor';
  // RAMP-4: a mentor's own registry record in this program, to confirm their briefing from here.
  const ownRecords = useQuery({
    queryKey: ['mentors'],
    enabled: isMentor,
    queryFn: () => apiParsed(zMentorList, 'GET', '/api/v1/mentors'),
  });
  const ownRecord = ownRecords.data?.items.find((m) => m.programId === programId);
  const terms = policy ? contactTerms(policy) : null;
  const [when, setWhen] = useState(localNow);
  const [minutes, setMinutes] = useState<number | string>(60);
  const [pickedMode, setMode] = useState<ContactMode | null>(null);
  const mode = terms ? modeWithin(terms, pickedMode) : null;
  const [reached, setReached] = useState(true);
  const [domains, setDomains] = useState<string[]>([]);
  const [accompaniment, setAccompaniment] = useState<string | null>(null);
  const [special, setSpecial] = useState(false);
  const [wellbeing, setWellbeing] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [overCapReason, setOverCapReason] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const specialMatters = !!terms && !!mode && terms.specialActivityModes.includes(mode);

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
          // Only what this program records: a value left from another mentee's program is not sent.
          domains: domains.filter((d) => terms?.domains.includes(d)),
          accompanimentType:
            accompaniment && (terms?.accompanimentTypes ?? ([] as string[])).some((a) => a === accompaniment)
              ? accompaniment
              : null,
          specialActivity: specialMatters && special,
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
      setDomains([]);
      setAccompaniment(null);
      setSpecial(false);
      setKey(crypto.randomUUID());
    },
  });
  // Confirming the briefing lets the contact that was refused for it be saved at once.
  const briefing = useBriefing(ownRecord?.id ?? '', () => save.mutate());
  const needsBriefing =
    isMentor &&
    !!ownRecord &&
    save.error instanceof ApiError &&
    save.error.problem?.code === 'briefing_not_acknowledged';
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
            {terms ? (
              <div>
                <Text size="sm" fw={500} mb={4} id="contact-mode">
                  {t('contact.mode')}
                </Text>
                <Chip.Group multiple={false} value={mode} onChange={(v) => setMode(v as ContactMode)}>
                  <Group gap="xs" role="radiogroup" aria-labelledby="contact-mode">
                    {terms.modes.map((m) => (
                      <Chip key={m} value={m} size="md">
                        {t(`contact.modes.${m}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </div>
            ) : null}
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
            {specialMatters ? (
              <Checkbox
                label={t('contact.specialActivity')}
                description={t('contact.specialActivityHint', { ruleId: terms!.specialActivityRuleId })}
                checked={special}
                onChange={(e) => setSpecial(e.currentTarget.checked)}
              />
            ) : null}
            {terms && terms.domains.length > 0 ? (
              <MultiSelect
                label={t('contact.domains')}
                data={vocab.options('domain', terms.domains)}
                value={domains}
                onChange={setDomains}
                clearable
              />
            ) : null}
            {terms && terms.accompanimentTypes.length > 0 ? (
              <Select
                label={t('contact.accompaniment')}
                placeholder={t('contact.accompanimentNone')}
                data={terms.accompanimentTypes.map((a) => ({ value: a, label: text.label(a) }))}
                value={accompaniment}
                onChange={setAccompaniment}
                clearable
              />
            ) : null}
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
              description={t('contact.noteHint')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            {save.error ? <ProblemAlert error={save.error} /> : null}
            {needsBriefing && policy ? (
              <Alert color="blue" title={t('briefing.mine')} data-testid="confirm-briefing">
                <Text size="sm" mb="xs">
                  {t('briefing.mineHint')}
                </Text>
                <Button
                  variant="light"
                  loading={briefing.isPending}
                  onClick={() => briefing.mutate(todayIn(policy.timeZone))}
                >
                  {t('briefing.confirm')}
                </Button>
                {briefing.error ? <ProblemAlert error={briefing.error} /> : null}
              </Alert>
            ) : null}
            {needsReason ? (
              <Textarea
                label={t('contact.overCapReason')}
                value={overCapReason}
                onChange={(e) => setOverCapReason(e.currentTarget.value)}
                required
                autosize
              />
            ) : null}
            <Button type="submit" size="lg" loading={save.isPending} disabled={!chosen || !mode}>
              {t('contact.save')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
