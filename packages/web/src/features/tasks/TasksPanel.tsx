import { Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import { type Task, zTask, zTaskList } from '@tandem/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoThumbs } from '../../components/PhotoThumbs';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiParsed } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';

const inAWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);

/** A new task agreed with the participant (SIVA-3); a retry reuses its Idempotency-Key. */
function NewTaskForm({ mentorshipId, onSaved }: { mentorshipId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(inAWeek);
  const [description, setDescription] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: () =>
      apiParsed(
        zTask,
        'POST',
        '/api/v1/tasks',
        { mentorshipId, title, dueOn, description: description.trim() || null },
        { 'idempotency-key': key },
      ),
    onSuccess: () => {
      setTitle('');
      setDescription('');
      setKey(crypto.randomUUID());
      onSaved();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) save.mutate();
      }}
    >
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('tasks.newTitle')}
            placeholder={t('tasks.newTitlePlaceholder')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }}
            maxLength={200}
          />
          <TextInput
            type="date"
            label={t('tasks.dueOn')}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            w={170}
          />
        </Group>
        <Textarea
          label={t('tasks.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={1}
          maxLength={2000}
        />
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!title.trim()}>
            {t('tasks.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The mentor's answer on one task: a few words, praise, or both (SIVA-4). */
function TaskItem({ task, onChanged }: { task: Task; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const feedback = useMutation({
    mutationFn: (praise: boolean) =>
      apiParsed(zTask, 'POST', `/api/v1/tasks/${task.id}/feedback`, { text: text.trim() || null, praise }),
    onSuccess: () => {
      setText('');
      onChanged();
    },
  });
  return (
    <Paper withBorder p="md" data-testid="mentor-task">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600} dir="auto">
            {task.title}
          </Text>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('tasks.due', { date: formatDate(task.dueOn, i18n.language) })}
            </Text>
            <Badge color={task.status === 'done' ? 'teal' : 'gray'} variant="light">
              {t(`tasks.status.${task.status}`)}
            </Badge>
          </Group>
        </Group>
        {task.description ? (
          <Text size="sm" dir="auto">
            {task.description}
          </Text>
        ) : null}
        {task.doneAt ? (
          <Text size="sm" c="teal.8">
            {t('tasks.doneAt', { when: formatDateTime(task.doneAt, i18n.language) })}
            {task.doneNote ? (
              <>
                {' — '}
                <bdi>{task.doneNote}</bdi>
              </>
            ) : null}
          </Text>
        ) : null}
        <PhotoThumbs photos={task.evidence} openLabel={(p) => t('tasks.openPhoto', { name: p.fileName })} />
        {task.feedback.map((f) => (
          <Group key={f.id} gap={6} wrap="nowrap" align="flex-start" data-testid="feedback">
            {f.praise ? (
              <IconStar size={18} color="var(--mantine-color-yellow-7)" fill="currentColor" aria-hidden />
            ) : null}
            <Text size="sm">
              <bdi>
                <strong>{f.authorName}</strong>
              </bdi>
              {': '}
              <bdi>{f.text ?? t('tasks.praised')}</bdi>
            </Text>
          </Group>
        ))}
        <Group align="flex-end" wrap="wrap" gap="xs">
          <TextInput
            aria-label={t('tasks.feedback')}
            placeholder={t('tasks.feedback')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 180 }}
            maxLength={1000}
          />
          <Button
            variant="light"
            color="yellow"
            leftSection={<IconStar size={16} />}
            loading={feedback.isPending && feedback.variables === true}
            onClick={() => feedback.mutate(true)}
          >
            {t('tasks.praise')}
          </Button>
          <Button
            variant="default"
            disabled={!text.trim()}
            loading={feedback.isPending && feedback.variables === false}
            onClick={() => feedback.mutate(false)}
          >
            {t('tasks.send')}
          </Button>
        </Group>
        {feedback.error ? <ProblemAlert error={feedback.error} /> : null}
      </Stack>
    </Paper>
  );
}

/**
 * A mentorship's tasks for the mentor and the coordinator: agree new ones,
 * see what was done and the photos sent (SIVA-3, SIVA-4), answer with praise.
 */
export function TasksPanel({ mentorshipId }: { mentorshipId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const tasks = useQuery({
    queryKey: ['tasks', mentorshipId],
    queryFn: () => apiParsed(zTaskList, 'GET', `/api/v1/mentorships/${mentorshipId}/tasks`),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['tasks', mentorshipId] });
  const items = tasks.data?.items ?? [];
  return (
    <Paper withBorder p="md" mt="md" data-testid="tasks-panel">
      <Stack>
        <Title order={3} size="h4">
          {t('tasks.title')}
        </Title>
        {tasks.error ? <ProblemAlert error={tasks.error} /> : null}
        {items.map((task) => (
          <TaskItem key={task.id} task={task} onChanged={refresh} />
        ))}
        {tasks.data && items.length === 0 ? <Text c="dimmed">{t('tasks.none')}</Text> : null}
        <NewTaskForm mentorshipId={mentorshipId} onSaved={refresh} />
      </Stack>
    </Paper>
  );
}
