import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Participant } from '@tandem/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ageToday } from '../../lib/age';
import { api } from '../../lib/api';
import { formatLanguages } from '../../lib/format';

/** The coordinator's participant list; for a mentor the same screen is "my caseload" (the server scopes it). */
export function ParticipantsPage({ caseload = false }: { caseload?: boolean }) {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ['participants'],
    queryFn: () => api<{ items: Participant[] }>('GET', '/api/v1/participants'),
  });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{caseload ? t('participants.caseloadTitle') : t('participants.title')}</Title>
        {caseload ? null : (
          <Button component={Link} to="/participants/new">
            {t('profileForm.newParticipant')}
          </Button>
        )}
      </Group>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={560}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('participants.name')}</Table.Th>
                <Table.Th>{t('participants.age')}</Table.Th>
                <Table.Th>{t('participants.city')}</Table.Th>
                <Table.Th>{t('participants.languages')}</Table.Th>
                <Table.Th>{t('participants.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/participants/${p.id}`}>
                      {p.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{ageToday(p.birthDate)}</Table.Td>
                  <Table.Td>{p.place?.city ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    {formatLanguages(
                      p.languages.map((l) => l.code),
                      i18n.language,
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.mentorshipState ? (
                      <Badge variant="light">{t(`states.${p.mentorshipState}`)}</Badge>
                    ) : (
                      <Badge variant="light" color="orange">
                        {t('participants.waiting')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data && items.length === 0 ? (
          <Text p="md">{caseload ? t('participants.caseloadEmpty') : t('participants.empty')}</Text>
        ) : null}
      </Paper>
    </Stack>
  );
}
