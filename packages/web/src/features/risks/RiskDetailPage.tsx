import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { Referral } from '@tandem/contract';
import { REFERRAL_SERVICES, REFERRAL_TRANSITIONS, RISK_ACTION_KINDS } from '@tandem/domain/risks/risk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate, formatDateTime } from '../../lib/format';
import { addAction, closeRisk, refer, SEVERITY_COLOR, trackReferral, useRisk, useRiskCommand } from './api';

/** One referral and the next step towards its outcome; the domain's table says which steps exist. */
function ReferralRow({ referral, observationId }: { referral: Referral; observationId: string }) {
  const { t, i18n } = useTranslation();
  const next = REFERRAL_TRANSITIONS[referral.status] as readonly string[];
  const [status, setStatus] = useState<string | null>(null);
  const [outcome, setOutcome] = useState('');
  const track = useRiskCommand(observationId, () =>
    trackReferral(referral, { status: status!, outcome: outcome.trim() || null }),
  );
  return (
    <Paper withBorder p="sm" data-testid="referral">
      <Group justify="space-between">
        <Text fw={600}>
          {t(`risks.service.${referral.service}`)}
          {referral.serviceName ? ` – ${referral.serviceName}` : ''}
        </Text>
        <Badge color={next.length ? 'orange' : 'teal'}>{t(`risks.referralStatus.${referral.status}`)}</Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('risks.detail.referredOn', { date: formatDate(referral.referredOn, i18n.language) })}
        {referral.outcomeOn
          ? ` · ${t('risks.detail.outcomeOn', { date: formatDate(referral.outcomeOn, i18n.language) })}`
          : ''}
      </Text>
      {referral.outcome ? (
        <Text size="sm" mt={4} dir="auto">
          {referral.outcome}
        </Text>
      ) : null}
      {next.length ? (
        <Stack gap="xs" mt="xs">
          <Select
            label={t('risks.detail.nextStatus')}
            data={next.map((s) => ({ value: s, label: t(`risks.referralStatus.${s}`) }))}
            value={status}
            onChange={setStatus}
          />
          <Textarea
            label={t('risks.detail.outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
            autosize
          />
          {track.error ? <ProblemAlert error={track.error} /> : null}
          <Button disabled={!status} loading={track.isPending} onClick={() => track.mutate(undefined)}>
            {t('risks.detail.saveStatus')}
          </Button>
        </Stack>
      ) : null}
    </Paper>
  );
}

/** The coordinator's view of one sign of risk: what was seen, what was done, where it was referred (CM-4). */
export function RiskDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const coordinating = me.data?.role === 'coordinator' || me.data?.role === 'admin';
  const risk = useRisk(id);
  const [kind, setKind] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [service, setService] = useState<string | null>(null);
  const [serviceName, setServiceName] = useState('');
  const [referKey, setReferKey] = useState(() => crypto.randomUUID());
  const act = useRiskCommand(id, () => addAction(id, { kind: kind!, note: note.trim() || null }));
  const referIt = useRiskCommand(id, () =>
    refer({ observationId: id, service: service!, serviceName: serviceName.trim() || null }, referKey),
  );
  const close = useRiskCommand(id, () => closeRisk(id, risk.data!.version));
  if (risk.error) return <ProblemAlert error={risk.error} />;
  const r = risk.data;
  if (!r) return null;
  const open = r.status !== 'closed';
  return (
    <Stack maw={720}>
      <Group justify="space-between">
        <Title order={2}>{r.participantName}</Title>
        <Group gap="xs">
          <Badge color={SEVERITY_COLOR[r.severity]} size="lg">
            {t(`risks.severity.${r.severity}`)}
          </Badge>
          <Badge variant="light" size="lg" data-testid="risk-status">
            {t(`risks.status.${r.status}`)}
          </Badge>
        </Group>
      </Group>
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed">
          {t('risks.list.observedBy', { name: r.observedByName })} ·{' '}
          {formatDateTime(r.observedAt, i18n.language)}
        </Text>
        <Text mt="xs" fw={500}>
          {r.indicators.map((i) => t(`risks.indicator.${i}`)).join(' · ')}
        </Text>
        <Text mt="xs" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
          {r.description}
        </Text>
        {r.alert ? (
          <Text size="xs" c="dimmed" mt="xs">
            {t('risks.detail.alerted', { date: formatDateTime(r.alert.raisedAt, i18n.language) })} ·{' '}
            {t(`risks.email.${r.alert.emailStatus}`)}
          </Text>
        ) : null}
      </Paper>

      <Title order={3}>{t('risks.detail.actions')}</Title>
      {r.actions.length === 0 ? <Text c="dimmed">{t('risks.detail.noActions')}</Text> : null}
      {r.actions.map((a) => (
        <Paper key={a.id} withBorder p="sm">
          <Group justify="space-between">
            <Text fw={500}>{t(`risks.action.${a.kind}`)}</Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(a.recordedAt, i18n.language)}
            </Text>
          </Group>
          {a.note ? (
            <Text size="sm" dir="auto">
              {a.note}
            </Text>
          ) : null}
        </Paper>
      ))}
      {coordinating && open ? (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Select
              label={t('risks.detail.actionKind')}
              data={RISK_ACTION_KINDS.map((k) => ({ value: k, label: t(`risks.action.${k}`) }))}
              value={kind}
              onChange={setKind}
            />
            <Textarea
              label={t('risks.detail.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
            />
            {act.error ? <ProblemAlert error={act.error} /> : null}
            <Button
              disabled={!kind}
              loading={act.isPending}
              onClick={() =>
                act.mutate(undefined, {
                  onSuccess: () => {
                    setKind(null);
                    setNote('');
                  },
                })
              }
            >
              {t('risks.detail.addAction')}
            </Button>
          </Stack>
        </Paper>
      ) : null}

      <Title order={3}>{t('risks.detail.referrals')}</Title>
      {r.referrals.length === 0 ? <Text c="dimmed">{t('risks.detail.noReferrals')}</Text> : null}
      {r.referrals.map((ref) => (
        <ReferralRow key={`${ref.id}-${ref.version}`} referral={ref} observationId={id} />
      ))}
      {coordinating && open ? (
        <Paper withBorder p="md" data-testid="new-referral">
          <Stack gap="xs">
            <Select
              label={t('risks.detail.service')}
              data={REFERRAL_SERVICES.map((s) => ({ value: s, label: t(`risks.service.${s}`) }))}
              value={service}
              onChange={setService}
            />
            <TextInput
              label={t('risks.detail.serviceName')}
              value={serviceName}
              onChange={(e) => setServiceName(e.currentTarget.value)}
            />
            {referIt.error ? <ProblemAlert error={referIt.error} /> : null}
            <Button
              color="red"
              disabled={!service}
              loading={referIt.isPending}
              onClick={() =>
                referIt.mutate(undefined, {
                  onSuccess: () => {
                    setService(null);
                    setServiceName('');
                    setReferKey(crypto.randomUUID());
                  },
                })
              }
            >
              {t('risks.detail.refer')}
            </Button>
          </Stack>
        </Paper>
      ) : null}
      {coordinating && open ? (
        <Group>
          {close.error ? <ProblemAlert error={close.error} /> : null}
          <Button
            variant="subtle"
            color="gray"
            loading={close.isPending}
            onClick={() => close.mutate(undefined)}
          >
            {t('risks.detail.close')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
