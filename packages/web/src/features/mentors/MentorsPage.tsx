import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Mentor } from '@tandem/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { formatDate, formatLanguages } from '../../lib/format';

/** A badge whose words wrap in a narrow cell (a phone, Arabic) instead of being cut off. */
const WRAPPING = {
  root: { height: 'auto', maxWidth: 'none', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
} as const;

export function MentorsPage() {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ['mentors'],
    queryFn: () => api<{ items: Mentor[] }>('GET', '/api/v1/mentors'),
  });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('mentors.title')}</Title>
        <Button component={Link} to="/mentors/new">
          {t('profileForm.newMentor')}
        </Button>
      </Group>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mentors.name')}</Table.Th>
                <Table.Th>{t('participants.city')}</Table.Th>
                <Table.Th>{t('mentors.load')}</Table.Th>
                <Table.Th>{t('mentors.training')}</Table.Th>
                <Table.Th>{t('participants.languages')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/mentors/${m.id}/edit`}>
                      {m.displayName}
                    </Anchor>{' '}
                    {!m.active ? (
                      <Badge color="gray" variant="light">
                        {t('mentors.inactive')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{m.place?.city ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {/* Numbers read left to right even in Hebrew and Arabic: "0 / 2", never "2 / 0". */}
                      <Text
                        span
                        dir="ltr"
                        style={{ whiteSpace: 'nowrap' }}
                        c={m.overCapacityBy > 0 ? 'red.8' : undefined}
                        fw={m.overCapacityBy > 0 ? 700 : undefined}
                      >
                        {m.activeMentees} / {m.capacity}
                      </Text>
                      {/* A capacity lowered below the load: the mentees stay, no new one is proposed. */}
                      {m.overCapacityBy > 0 ? (
                        <Badge color="red" variant="light" styles={WRAPPING} data-testid="over-capacity">
                          {t('mentorLoad.over', { count: m.overCapacityBy })}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {m.trainingCompletedOn
                      ? t('mentors.trained', { date: formatDate(m.trainingCompletedOn, i18n.language) })
                      : t('mentors.untrained')}
                  </Table.Td>
                  <Table.Td>
                    {formatLanguages(
                      m.languages.map((l) => l.code),
                      i18n.language,
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data && items.length === 0 ? <Text p="md">{t('mentors.empty')}</Text> : null}
      </Paper>
    </Stack>
  );
}
