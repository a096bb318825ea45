import {
  Alert,
  Button,
  Chip,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { RiskObservationCreated } from '@tandem/contract';
import { RISK_INDICATORS } from '@tandem/domain/risks/risk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFieldErrors } from '../../lib/forms';
import { SEVERITIES, type Severity, showsGuidance, useGuidance, useOpenMentees, useRecordRisk } from './api';
import { EmergencyGuidancePanel } from './EmergencyGuidance';

/**
 * CM-4, phone-first: the mentor as gatekeeper records a sign of risk in a few
 * taps. As soon as the severity is high or immediate the program's emergency
 * guidance is on the screen — before saving, because the person comes first.
 * A retry after a dropped connection reuses the Idempotency-Key (REL-02).
 */
export function RiskFormPage() {
  const { t } = useTranslation();
  const mentees = useOpenMentees();
  const open = mentees.data ?? [];
  const [mentorshipId, setMentorshipId] = useState<string | null>(null);
  const chosen = mentorshipId ?? (open.length === 1 ? open[0]!.mentorshipId : null);
  const [indicators, setIndicators] = useState<string[]>([]);
  const [severity, setSeverity] = useState<Severity | null>(null);
  const [description, setDescription] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [saved, setSaved] = useState<RiskObservationCreated | null>(null);
  const guidance = useGuidance(chosen);
  const save = useRecordRisk();
  const fieldErrors = useFieldErrors()(save.error);

  if (mentees.data && open.length === 0) {
    return (
      <Stack>
        <Title order={2}>{t('risks.form.title')}</Title>
        <Alert>{t('risks.form.noMentees')}</Alert>
      </Stack>
    );
  }

  if (saved) {
    return (
      <Stack maw={560}>
        <Title order={2}>{t('risks.form.title')}</Title>
        <Alert color={saved.alert ? 'red' : 'teal'} title={t('risks.form.saved')} data-testid="risk-saved">
          {saved.alert ? t('risks.form.alerted') : t('risks.form.listed')}
        </Alert>
        {saved.emergencyGuidance.length > 0 ? (
          <EmergencyGuidancePanel steps={saved.emergencyGuidance} />
        ) : null}
        <Button
          variant="light"
          onClick={() => {
            setSaved(null);
            setIndicators([]);
            setSeverity(null);
            setDescription('');
            setKey(crypto.randomUUID());
          }}
        >
          {t('risks.form.another')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack maw={560}>
      <Title order={2}>{t('risks.form.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('risks.form.intro')}
      </Text>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              { body: { mentorshipId: chosen, indicators, severity, description }, key },
              { onSuccess: (r) => setSaved(r) },
            );
          }}
        >
          <Stack>
            <Select
              label={t('risks.form.mentee')}
              data={open.map((p) => ({ value: p.mentorshipId!, label: p.displayName }))}
              value={chosen}
              onChange={setMentorshipId}
              allowDeselect={false}
              required
            />
            <div>
              <Text size="sm" fw={500} mb={6} id="risk-indicators">
                {t('risks.form.indicators')}
              </Text>
              <Chip.Group multiple value={indicators} onChange={setIndicators}>
                <Group gap="xs" role="group" aria-labelledby="risk-indicators">
                  {RISK_INDICATORS.map((i) => (
                    <Chip key={i} value={i} color="red" variant="outline">
                      {t(`risks.indicator.${i}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              {fieldErrors.indicators ? (
                <Text c="red" size="sm" mt={4}>
                  {t('risks.form.indicatorsRequired')}
                </Text>
              ) : null}
            </div>
            <div>
              <Text size="sm" fw={500} mb={6} id="risk-severity">
                {t('risks.form.severity')}
              </Text>
              <SegmentedControl
                fullWidth
                aria-labelledby="risk-severity"
                value={severity ?? ''}
                onChange={(v) => setSeverity(v as Severity)}
                color={severity === 'immediate' || severity === 'high' ? 'red' : 'blue'}
                data={SEVERITIES.map((s) => ({ value: s, label: t(`risks.severity.${s}`) }))}
              />
            </div>
            {showsGuidance(severity) && guidance.data ? (
              <EmergencyGuidancePanel steps={guidance.data.steps} />
            ) : null}
            <Textarea
              label={t('risks.form.description')}
              description={t('risks.form.descriptionHint')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={fieldErrors.description}
              autosize
              minRows={3}
              required
            />
            {save.error ? <ProblemAlert error={save.error} /> : null}
            <Button
              type="submit"
              size="lg"
              color="red"
              loading={save.isPending}
              disabled={!chosen || indicators.length === 0 || !severity || !description.trim()}
            >
              {t('risks.form.save')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
