import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { zContactList } from '@tandem/contract';
import type { Policy } from '@tandem/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiParsed } from '../../lib/api';
import { formatDateTime, formatDuration } from '../../lib/format';
import { useDomainText } from '../../lib/messages';
import { useVocab } from '../../lib/vocab';

const FIRST = 10;

/**
 * The mentorship's one contact log, newest first (the server audits the read).
 * Notes come only to the mentor, coordinators and admins (TEN-06): a note the
 * server did not send is simply not there.
 */
export function ContactsPanel({
  mentorshipId,
  policy,
  mayLog,
}: {
  mentorshipId: string;
  policy: Policy | undefined;
  mayLog: boolean;
}) {
  const { t, i18n } = useTranslation();
  const text = useDomainText();
  const vocab = useVocab();
  const [all, setAll] = useState(false);
  const list = useQuery({
    queryKey: ['contacts', mentorshipId],
    queryFn: () => apiParsed(zContactList, 'GET', `/api/v1/mentorships/${mentorshipId}/contacts`),
  });
  const items = list.data?.items ?? [];
  const shown = all ? items : items.slice(0, FIRST);
  const lng = i18n.language;
  return (
    <Paper withBorder p="md" data-testid="contact-log">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('contactLog.title')}
        </Title>
        {mayLog ? (
          <Button component={Link} to="/log-contact" size="xs" variant="light">
            {t('nav.logContact')}
          </Button>
        ) : null}
      </Group>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.data && items.length === 0 ? <Text c="dimmed">{t('contactLog.empty')}</Text> : null}
      <Stack gap="xs">
        {shown.map((c) => (
          <Paper key={c.id} withBorder p="xs" data-testid="contact">
            <Group justify="space-between" wrap="wrap" gap={4}>
              <Text size="sm" fw={600}>
                {formatDateTime(c.startsAt, lng, policy?.timeZone)} · {t(`contact.modes.${c.mode}`)} ·{' '}
                {formatDuration(c.durationMinutes, lng)}
              </Text>
              <Group gap={4}>
                {!c.reached ? (
                  <Badge color="orange" variant="light">
                    {t('contactLog.notReached')}
                  </Badge>
                ) : null}
                {c.specialActivity ? <Badge variant="light">{t('contactLog.special')}</Badge> : null}
                {c.accompanimentType ? (
                  <Badge variant="light" color="grape" tt="none">
                    {text.label(c.accompanimentType)}
                  </Badge>
                ) : null}
                {c.wellbeing ? (
                  <Badge variant="outline" tt="none">
                    {t('contactLog.wellbeing', { score: c.wellbeing })}
                  </Badge>
                ) : null}
              </Group>
            </Group>
            {c.domains.length > 0 ? (
              <Text size="xs" c="dimmed">
                {vocab.list('domain', c.domains)}
              </Text>
            ) : null}
            {c.overCapRuleIds.length > 0 ? (
              <Text size="xs" c="red.8">
                {t('contactLog.overCap', {
                  rules: c.overCapRuleIds.join(', '),
                  reason: c.overCapReason ?? '',
                })}
              </Text>
            ) : null}
            {c.note ? (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} dir="auto" data-testid="contact-note">
                {c.note}
              </Text>
            ) : null}
          </Paper>
        ))}
      </Stack>
      {!all && items.length > FIRST ? (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(true)}>
          {t('contactLog.showAll', { total: items.length })}
        </Button>
      ) : null}
    </Paper>
  );
}
