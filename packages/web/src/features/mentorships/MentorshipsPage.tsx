import { Anchor, Badge, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { MentorshipSummary } from '@tandem/contract';
import { MENTORSHIP_STATES } from '@tandem/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useDomainText } from '../../lib/messages';

export function MentorshipsPage() {
  const { t, i18n } = useTranslation();
  const text = useDomainText();
  const [state, setState] = useState('all');
  const list = useQuery({
    queryKey: ['mentorships', state],
    queryFn: () =>
      api<{ items: MentorshipSummary[] }>(
        'GET',
        `/api/v1/mentorships${state === 'all' ? '' : `?state=${state}`}`,
      ),
  });
  const items = list.data?.items ?? [];
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : t('common.none'));
  return (
    <Stack>
      <Title order={2}>{t('mentorships.title')}</Title>
      <SegmentedControl
        value={state}
        onChange={setState}
        data={[
          { value: 'all', label: t('mentorships.all') },
          ...MENTORSHIP_STATES.map((s) => ({ value: s, label: text.label(s) })),
        ]}
      />
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mentorships.participant')}</Table.Th>
                <Table.Th>{t('mentorships.mentor')}</Table.Th>
                <Table.Th>{t('mentorships.state')}</Table.Th>
                <Table.Th>{t('mentorships.started')}</Table.Th>
                <Table.Th>{t('mentorships.plannedEnd')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/mentorships/${m.id}`}>
                      {m.participant.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.mentor?.displayName ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{text.label(m.state)}</Badge>
                  </Table.Td>
                  <Table.Td>{date(m.startedOn)}</Table.Td>
                  <Table.Td>{date(m.plannedEndOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data && items.length === 0 ? <Text p="md">{t('mentorships.empty')}</Text> : null}
      </Paper>
    </Stack>
  );
}
