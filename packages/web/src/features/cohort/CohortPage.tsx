import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { BatchConfirmed } from '@tandem/contract';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError } from '../../lib/api';
import {
  type Pair,
  type Proposal,
  samePair,
  useAllocation,
  useConfirmation,
  useProgramPeople,
  usePrograms,
} from './api';
import { CohortPicker } from './CohortPicker';
import { MentorLoadChart } from './MentorLoadChart';
import { ConfirmedList, FormerMentors, RefusedPairs, RuledOut, Unassigned } from './Outcome';
import { ProposalTable } from './ProposalTable';

/** Refusals of the allocation itself that have their own sentence here (the rest are the domain's). */
const OWN_CODES = new Set(['pinned_pair_not_allowed']);

/**
 * The cohort allocation screen (SIVA-1, CM-2): choose the program and the
 * people, run the allocation, adjust it by pinning and ruling out pairs, run it
 * again, and confirm — which creates the matches, or none if a rule has
 * changed in the meantime.
 */
export function CohortPage() {
  const { t } = useTranslation();
  const programs = usePrograms();
  const [programId, setProgramId] = useState<string | null>(null);
  const people = useProgramPeople(programId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [fixed, setFixed] = useState<Pair[]>([]);
  const [forbidden, setForbidden] = useState<Pair[]>([]);
  // Former mentors the coordinator lets back in: the allocation rules them out by default (MOH-16).
  const [allowed, setAllowed] = useState<Pair[]>([]);
  const [proposal, setProposal] = useState<(Proposal & { key: string }) | null>(null);
  const [outdated, setOutdated] = useState(false);
  const [created, setCreated] = useState<BatchConfirmed | null>(null);
  const allocation = useAllocation();
  const confirmation = useConfirmation((result) => {
    setCreated(result);
    setProposal(null);
    setFixed([]);
    setForbidden([]);
    setAllowed([]);
  });

  const firstProgram = programs.data?.items[0]?.id ?? null;
  useEffect(() => {
    if (programId === null && firstProgram) setProgramId(firstProgram);
  }, [programId, firstProgram]);

  // The cohort defaults to everyone waiting, each time the program changes or the list first arrives.
  const waitingKey = people.waiting.map((p) => p.id).join();
  const [defaultedFor, setDefaultedFor] = useState<string | null>(null);
  useEffect(() => {
    if (!programId || people.loading || defaultedFor === programId) return;
    setSelected(new Set(waitingKey ? waitingKey.split(',') : []));
    setDefaultedFor(programId);
  }, [programId, people.loading, waitingKey, defaultedFor]);

  const names = useMemo(
    () => new Map([...people.people, ...people.mentors].map((x) => [x.id, x.displayName])),
    [people.people, people.mentors],
  );

  const chooseProgram = (id: string | null) => {
    setProgramId(id);
    setProposal(null);
    setFixed([]);
    setForbidden([]);
    setAllowed([]);
    setCreated(null);
    confirmation.reset();
    allocation.reset();
  };
  const choose = (next: Set<string>) => {
    setSelected(next);
    if (proposal) setOutdated(true);
  };
  const run = () => {
    if (!programId) return;
    const inCohort = (p: Pair) => selected.has(p.participantId);
    setCreated(null);
    confirmation.reset();
    allocation.mutate(
      {
        programId,
        participantIds: [...selected],
        fixed: fixed.filter(inCohort),
        forbidden: forbidden.filter(inCohort),
        allowed: allowed.filter(inCohort),
      },
      {
        onSuccess: (result) => {
          setProposal({ ...result, key: crypto.randomUUID() });
          setOutdated(false);
        },
      },
    );
  };
  const pin = (pair: Pair) =>
    setFixed((all) =>
      all.some((x) => samePair(x, pair)) ? all.filter((x) => !samePair(x, pair)) : [...all, pair],
    );
  const forbid = (pair: Pair) => {
    setForbidden((all) => [...all, pair]);
    setFixed((all) => all.filter((x) => !samePair(x, pair)));
    setAllowed((all) => all.filter((x) => !samePair(x, pair)));
    setOutdated(true);
  };
  const allowFormer = (pair: Pair) => {
    setAllowed((all) => [...all, pair]);
    setOutdated(true);
  };
  const allow = (pair: Pair) => {
    setForbidden((all) => all.filter((x) => !samePair(x, pair)));
    if (proposal) setOutdated(true);
  };
  const confirm = () => {
    if (!proposal || !programId) return;
    confirmation.mutate({
      programId,
      key: proposal.key,
      pairs: proposal.pairs.map(({ participantId, mentorId }) => ({ participantId, mentorId })),
    });
  };

  const allocationError = allocation.error;
  const ownCode =
    allocationError instanceof ApiError && OWN_CODES.has(allocationError.problem?.code ?? '')
      ? allocationError.problem?.code
      : null;

  return (
    <Stack>
      <div>
        <Title order={2}>{t('cohort.title')}</Title>
        <Text c="dimmed">{t('cohort.intro')}</Text>
      </div>
      {programs.error ? <ProblemAlert error={programs.error} /> : null}
      {people.error ? <ProblemAlert error={people.error} /> : null}
      <Group align="flex-end">
        <Select
          label={t('cohort.program')}
          data={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={programId}
          onChange={chooseProgram}
          allowDeselect={false}
          w={{ base: '100%', sm: 360 }}
        />
      </Group>
      {/* Only once the cohort is known and ticked by default, so a choice made early is not undone. */}
      {defaultedFor === programId && !people.loading ? (
        <CohortPicker
          waiting={people.waiting}
          rematch={people.rematch}
          selected={selected}
          onChange={choose}
        />
      ) : (
        <Loader size="sm" aria-label={t('cohort.cohort')} />
      )}
      <Group>
        <Button onClick={run} loading={allocation.isPending} disabled={selected.size === 0}>
          {proposal ? t('cohort.rerun') : t('cohort.run')}
        </Button>
        {fixed.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t('cohort.pinnedCount', { count: fixed.length })}
          </Text>
        ) : null}
      </Group>
      {ownCode ? (
        <Alert color="red" role="alert" title={t(`cohort.errors.${ownCode}`)} />
      ) : allocationError ? (
        <ProblemAlert error={allocationError} />
      ) : null}
      <RuledOut pairs={forbidden} names={names} onAllow={allow} />
      {proposal ? (
        <FormerMentors
          pairs={proposal.ruledOutByDefault.filter((x) => !allowed.some((y) => samePair(x, y)))}
          names={names}
          onAllow={allowFormer}
        />
      ) : null}
      {proposal ? (
        <>
          <ProposalTable
            proposal={proposal}
            names={names}
            fixed={fixed}
            forbidden={forbidden}
            onPin={pin}
            onForbid={forbid}
          />
          <Unassigned items={proposal.unassigned} names={names} />
          <MentorLoadChart mentors={people.mentors} proposal={proposal} />
          <Paper withBorder p="md">
            <Text size="sm" mb="sm">
              {t('cohort.confirmHelp')}
            </Text>
            {outdated ? (
              <Alert color="yellow" mb="sm" data-testid="proposal-outdated">
                {t('cohort.outdated')}
              </Alert>
            ) : null}
            <Button
              color="teal"
              onClick={confirm}
              loading={confirmation.isPending}
              disabled={outdated || proposal.pairs.length === 0}
            >
              {t('cohort.confirm', { count: proposal.pairs.length })}
            </Button>
          </Paper>
        </>
      ) : null}
      {confirmation.error ? (
        <Stack gap="xs">
          <ProblemAlert error={confirmation.error} />
          <RefusedPairs error={confirmation.error} />
        </Stack>
      ) : null}
      {created ? <ConfirmedList result={created} /> : null}
    </Stack>
  );
}
