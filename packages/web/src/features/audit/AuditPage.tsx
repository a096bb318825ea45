import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { zAuditPage, zUserList } from '@tandem/contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiParsed } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

const OUTCOME_COLOR = { success: 'teal', denied: 'orange', failure: 'red' } as const;

/**
 * The date fields are days in the reader's own time zone: "from" starts at
 * local midnight and "to" includes the whole local day, sent as UTC instants.
 */
const startOfDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState({ actorId: '', entityType: '', from: '', to: '' });
  const [filter, setFilter] = useState(draft);
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => apiParsed(zUserList, 'GET', '/api/v1/users'),
  });
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName]));

  const events = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '50' });
      if (filter.actorId) q.set('actorId', filter.actorId);
      if (filter.entityType) q.set('entityType', filter.entityType.trim());
      if (filter.from) q.set('from', startOfDay(filter.from));
      if (filter.to) q.set('to', endOfDay(filter.to));
      if (pageParam) q.set('cursor', pageParam);
      return apiParsed(zAuditPage, 'GET', `/api/v1/audit-events?${q}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <div>
        <Title order={2}>{t('audit.title')}</Title>
        <Text c="dimmed">{t('audit.intro')}</Text>
      </div>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setFilter(draft);
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('audit.filterActor')}
              placeholder={t('audit.any')}
              clearable
              data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              value={draft.actorId || null}
              onChange={(v) => setDraft({ ...draft, actorId: v ?? '' })}
            />
            <TextInput
              label={t('audit.filterEntity')}
              value={draft.entityType}
              onChange={(e) => setDraft({ ...draft, entityType: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('audit.from')}
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('audit.to')}
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
            <Button type="submit">{t('audit.apply')}</Button>
          </Group>
        </form>
      </Paper>
      {events.error ? <ProblemAlert error={events.error} /> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.when')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.entity')}</Table.Th>
                <Table.Th>{t('audit.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                  <Table.Td>
                    {e.actorId ? (names.get(e.actorId) ?? e.actorId.slice(0, 8)) : t('common.none')}
                    {e.actorRole && e.actorRole !== 'cli' ? (
                      <Text span c="dimmed" size="xs">
                        {' '}
                        · {t(`roles.${e.actorRole}`)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td dir="ltr">
                    <code>{e.action}</code>
                  </Table.Td>
                  <Table.Td dir="ltr">
                    {e.entityType}
                    {e.entityId ? ` ${e.entityId.slice(0, 8)}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={OUTCOME_COLOR[e.outcome]}>
                      {t(`audit.outcomes.${e.outcome}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {events.data && rows.length === 0 ? <Text p="md">{t('audit.empty')}</Text> : null}
      </Paper>
      {events.hasNextPage ? (
        <Button
          variant="light"
          onClick={() => void events.fetchNextPage()}
          loading={events.isFetchingNextPage}
        >
          {t('audit.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
