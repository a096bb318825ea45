import { Alert, Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconTarget } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePortal } from './api';
import { CheckInCard } from './CheckInCard';
import { ChoosePasswordCard } from './ChoosePasswordCard';
import { MeetingsCard } from './MeetingsCard';
import { TaskCard } from './TaskCard';

/**
 * The participant's own page, phone first: large type, one column, in their
 * language. Only their own things (TEN-03, TEN-06): their check-in, what comes
 * next, their goals in their mentor's words and their tasks.
 */
export function PortalPage() {
  const { t } = useTranslation();
  const me = useMe();
  const portal = usePortal();
  const p = portal.data;
  const open = (p?.tasks ?? []).filter((task) => task.status === 'open');
  const done = (p?.tasks ?? []).filter((task) => task.status === 'done');
  return (
    <Stack gap="lg" maw={560} mx="auto" pb="xl">
      <Title order={2} size="h2">
        {t('portal.hello', { name: p?.participant.displayName ?? me.data?.user.displayName ?? '' })}
      </Title>
      {portal.error ? <ProblemAlert error={portal.error} /> : null}
      <CheckInCard />
      {p ? (
        <>
          {p.mentorship ? (
            <MeetingsCard mentorName={p.mentorship.mentorName} lastContactOn={p.mentorship.lastContactOn} />
          ) : (
            <Alert>{t('portal.noMentorship')}</Alert>
          )}
          <Paper withBorder p="lg" radius="lg" data-testid="goals">
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('portal.goals.title')}
              </Title>
              {p.goals.length === 0 ? (
                <Text c="dimmed">{t('portal.goals.none')}</Text>
              ) : (
                <List spacing="sm" size="lg" center>
                  {p.goals.map((g) => (
                    <List.Item
                      key={g.id}
                      icon={
                        <ThemeIcon color={g.status === 'achieved' ? 'teal' : 'blue'} size={28} radius="xl">
                          {g.status === 'achieved' ? <IconCheck size={18} /> : <IconTarget size={18} />}
                        </ThemeIcon>
                      }
                    >
                      <Group gap="xs">
                        <Text size="lg" dir="auto">
                          {g.title}
                        </Text>
                        {g.status === 'achieved' ? (
                          <Badge color="teal">{t('portal.goals.achieved')}</Badge>
                        ) : null}
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Paper>
          <Stack gap="md" data-testid="tasks">
            <Title order={2} size="h3">
              {t('portal.tasks.title')}
            </Title>
            {open.length === 0 ? <Text c="dimmed">{t('portal.tasks.none')}</Text> : null}
            {open.map((task) => (
              <TaskCard key={task.id} task={task} />
            ))}
            {done.length > 0 ? (
              <Title order={3} size="h4" c="dimmed">
                {t('portal.tasks.doneTitle', { count: done.length })}
              </Title>
            ) : null}
            {done.map((task) => (
              <TaskCard key={task.id} task={task} />
            ))}
          </Stack>
        </>
      ) : null}
      {me.data?.mayChoosePassword ? <ChoosePasswordCard signInName={me.data.user.signInName} /> : null}
    </Stack>
  );
}
