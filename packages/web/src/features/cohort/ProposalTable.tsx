import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useScoreReasons } from '../../components/ScoreReasons';
import { type Pair, type Proposal, samePair } from './api';

interface Props {
  proposal: Proposal;
  names: Map<string, string>;
  fixed: Pair[];
  forbidden: Pair[];
  onPin: (pair: Pair) => void;
  onForbid: (pair: Pair) => void;
}

/**
 * The proposal, one row a pair: who, with whom, the score and why. A pinned
 * pair stays in every re-run; a ruled-out pair is struck through until the
 * allocation runs again without it.
 */
export function ProposalTable({ proposal, names, fixed, forbidden, onPin, onForbid }: Props) {
  const { t } = useTranslation();
  const why = useScoreReasons();
  const name = (id: string) => names.get(id) ?? t('common.none');
  return (
    <Paper withBorder>
      <Group justify="space-between" p="md" pb={0}>
        <Title order={3} size="h4">
          {t('cohort.proposal.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cohort.proposal.summary', { count: proposal.assigned, total: proposal.total })}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table data-testid="proposal" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cohort.proposal.participant')}</Table.Th>
              <Table.Th>{t('cohort.proposal.mentor')}</Table.Th>
              <Table.Th>{t('cohort.proposal.score')}</Table.Th>
              <Table.Th>{t('cohort.proposal.why')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('cohort.proposal.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {proposal.pairs.map((row) => {
              // The pair alone: the request schemas are strict, the row also carries its score.
              const p = { participantId: row.participantId, mentorId: row.mentorId };
              const pinned = fixed.some((x) => samePair(x, p));
              const ruledOut = forbidden.some((x) => samePair(x, p));
              return (
                <Table.Tr
                  key={row.participantId}
                  data-testid="proposal-row"
                  style={ruledOut ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}
                >
                  <Table.Td>
                    <Anchor component={Link} to={`/participants/${p.participantId}`}>
                      {name(p.participantId)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Text>{name(p.mentorId)}</Text>
                      {pinned ? (
                        <Badge size="sm" variant="light">
                          {t('cohort.pinned')}
                        </Badge>
                      ) : null}
                      {row.mentorshipId ? (
                        <Badge size="sm" variant="outline" color="grape">
                          {t('cohort.proposal.rematch')}
                        </Badge>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{t('candidates.points', { points: row.score })}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {why(row.parts)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" justify="flex-end">
                      <Button
                        size="compact-sm"
                        variant={pinned ? 'filled' : 'light'}
                        aria-pressed={pinned}
                        disabled={ruledOut}
                        onClick={() => onPin(p)}
                      >
                        {pinned ? t('cohort.unpin') : t('cohort.pin')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="red"
                        disabled={ruledOut}
                        onClick={() => onForbid(p)}
                      >
                        {t('cohort.forbid')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {proposal.pairs.length === 0 ? (
        <Text p="md" c="dimmed">
          {t('cohort.proposal.empty')}
        </Text>
      ) : null}
    </Paper>
  );
}
