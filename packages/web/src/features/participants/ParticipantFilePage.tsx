import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Participant } from '@tandem/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ageToday } from '../../lib/age';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useVocab } from '../../lib/vocab';
import { CandidatesPanel, looksForMentor } from './CandidatesPanel';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

/** A participant's file (the server audits the read). */
export function ParticipantFilePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const vocab = useVocab();
  const file = useQuery({
    queryKey: ['participant', id],
    queryFn: () => api<Participant>('GET', `/api/v1/participants/${id}`),
  });
  const p = file.data;
  const me = useMe();
  const staff = me.data?.role === 'coordinator' || me.data?.role === 'admin';
  return (
    <Stack>
      <Anchor component={Link} to="/participants" size="sm">
        {t('common.back')}
      </Anchor>
      {file.error ? <ProblemAlert error={file.error} /> : null}
      {p ? (
        <>
          <Group justify="space-between">
            <Title order={2}>{p.displayName}</Title>
            {staff ? (
              <Button variant="light" component={Link} to={`/participants/${p.id}/edit`}>
                {t('profileForm.editProfile')}
              </Button>
            ) : null}
            {p.mentorshipState ? (
              <Badge size="lg" variant="light">
                {t(`states.${p.mentorshipState}`)}
              </Badge>
            ) : (
              <Badge size="lg" variant="light" color="orange">
                {t('participants.waiting')}
              </Badge>
            )}
          </Group>
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t('participants.profile')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <Field label={t('participants.birthDate')}>
                {formatDate(p.birthDate, i18n.language)} ({ageToday(p.birthDate)})
              </Field>
              <Field label={t('participants.city')}>{p.place?.city ?? t('common.none')}</Field>
              <Field label={t('participants.languages')}>
                {p.languages.map((l) => `${vocab.language(l.code)} ${l.level}/5`).join(', ') ||
                  t('common.none')}
              </Field>
              <Field label={t('participants.needs')}>
                {p.needs.length ? vocab.list('domain', p.needs) : t('common.none')}
              </Field>
              <Field label={t('participants.interests')}>
                {p.interests.length ? vocab.list('interest', p.interests) : t('common.none')}
              </Field>
              <Field label={t('participants.consent')}>
                {p.consentGivenAt
                  ? t('participants.consentGiven', {
                      date: formatDate(p.consentGivenAt.slice(0, 10), i18n.language),
                    })
                  : t('participants.consentMissing')}
              </Field>
            </SimpleGrid>
          </Paper>
          {staff && looksForMentor(p) ? <CandidatesPanel participantId={p.id} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
