import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { MentorshipFile } from '@tandem/contract';
import { CLOSURE_REASONS, type MentorshipAction, REMATCH_REASONS, TRIAL_OUTCOMES } from '@tandem/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { useDomainText } from '../../lib/messages';

/** The route of each lifecycle action; the body fields each one asks for. */
export const ACTION_PATHS: Partial<Record<MentorshipAction, string>> = {
  start: 'start',
  review_trial: 'review-trial',
  change_mentor: 'change-mentor',
  close: 'close',
  record_hospitalization: 'hospitalization',
  suspend: 'suspend',
  resume: 'resume',
  switch_mode: 'mode',
  request_extension: 'extension',
  request_virtual_continuation: 'virtual-continuation',
};

const today = () => new Date().toISOString().slice(0, 10);

export function ActionDialog({
  file,
  action,
  onClose,
}: {
  file: MentorshipFile;
  action: MentorshipAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useDomainText();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({
    outcome: 'continue',
    reason: action === 'close' ? 'participant_choice' : action === 'change_mentor' ? 'mismatch' : '',
    note: '',
    until: file.plannedEndOn ?? today(),
    startedOn: today(),
    expectedDischargeOn: '',
    mode: file.mode === 'virtual' ? 'in_person' : 'virtual',
  });
  const set = (k: string) => (v: string | null) => setValues((s) => ({ ...s, [k]: v ?? '' }));
  const note = values.note?.trim() ? values.note.trim() : null;

  const body = (): unknown => {
    switch (action) {
      case 'review_trial':
        return { outcome: values.outcome, note };
      case 'close':
        return { reason: values.reason, note };
      case 'change_mentor':
        return { reason: values.reason, note };
      case 'record_hospitalization':
        return { startedOn: values.startedOn, expectedDischargeOn: values.expectedDischargeOn || null };
      case 'suspend':
        return { reason: 'other', note };
      case 'switch_mode':
        return { mode: values.mode };
      case 'request_extension':
      case 'request_virtual_continuation':
        return { until: values.until, reason: values.reason };
      default:
        return undefined;
    }
  };
  const run = useMutation({
    mutationFn: () =>
      api<MentorshipFile>('POST', `/api/v1/mentorships/${file.id}/${ACTION_PATHS[action]}`, body(), {
        'if-match': `"${file.version}"`,
      }),
    onSuccess: (next) => {
      qc.setQueryData(['mentorship', file.id], next);
      void qc.invalidateQueries({ queryKey: ['mentorships'] });
      void qc.invalidateQueries({ queryKey: ['attention'] });
      onClose();
    },
  });

  return (
    <Modal opened onClose={onClose} title={text.label(action)} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        <Stack>
          {action === 'review_trial' ? (
            <Select
              label={t('mentorships.outcome')}
              data={TRIAL_OUTCOMES.map((o) => ({ value: o, label: t(`mentorships.outcomes.${o}`) }))}
              value={values.outcome ?? null}
              onChange={set('outcome')}
              allowDeselect={false}
            />
          ) : null}
          {action === 'close' ? (
            <Select
              label={t('mentorships.reason')}
              data={CLOSURE_REASONS.map((r) => ({ value: r, label: text.label(r) }))}
              value={values.reason ?? null}
              onChange={set('reason')}
              allowDeselect={false}
            />
          ) : null}
          {action === 'change_mentor' ? (
            <Select
              label={t('mentorships.reason')}
              data={REMATCH_REASONS.map((r) => ({ value: r, label: t(`mentorships.rematch.${r}`) }))}
              value={values.reason ?? null}
              onChange={set('reason')}
              allowDeselect={false}
            />
          ) : null}
          {action === 'record_hospitalization' ? (
            <>
              <TextInput
                type="date"
                label={t('mentorships.hospitalFrom')}
                value={values.startedOn}
                onChange={(e) => set('startedOn')(e.currentTarget.value)}
                required
              />
              <TextInput
                type="date"
                label={t('mentorships.expectedDischarge')}
                value={values.expectedDischargeOn}
                onChange={(e) => set('expectedDischargeOn')(e.currentTarget.value)}
              />
            </>
          ) : null}
          {action === 'switch_mode' ? (
            <Select
              label={t('mentorships.mode')}
              data={['in_person', 'virtual'].map((m) => ({ value: m, label: text.label(m) }))}
              value={values.mode ?? null}
              onChange={set('mode')}
              allowDeselect={false}
            />
          ) : null}
          {action === 'request_extension' || action === 'request_virtual_continuation' ? (
            <>
              <TextInput
                type="date"
                label={t('mentorships.until')}
                value={values.until}
                onChange={(e) => set('until')(e.currentTarget.value)}
                required
              />
              <Textarea
                label={t('mentorships.why')}
                value={values.reason}
                onChange={(e) => set('reason')(e.currentTarget.value)}
                required
                autosize
                minRows={2}
              />
            </>
          ) : null}
          {['review_trial', 'close', 'change_mentor', 'suspend'].includes(action) ? (
            <Textarea
              label={t('mentorships.note')}
              value={values.note}
              onChange={(e) => set('note')(e.currentTarget.value)}
              autosize
              minRows={2}
            />
          ) : null}
          {run.error ? <ProblemAlert error={run.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('mentorships.cancel')}
            </Button>
            <Button type="submit" loading={run.isPending}>
              {text.label(action)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
