import { Badge, Button, FileButton, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCamera, IconCheck, IconStar } from '@tabler/icons-react';
import { type Task, zTask } from '@tandem/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoThumbs } from '../../components/PhotoThumbs';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError, apiParsed, apiUpload } from '../../lib/api';
import { formatDate } from '../../lib/format';

const MAX_BYTES = 10 * 1024 * 1024;

/** An upload refusal in plain words, by its code (FILE-01, FILE-02). */
function useUploadError(error: unknown): string | null {
  const { t } = useTranslation();
  if (!error) return null;
  const code =
    error instanceof ApiError ? error.problem?.code : error instanceof Error ? error.message : null;
  return code && t(`portal.upload.errors.${code}`, { defaultValue: '' })
    ? t(`portal.upload.errors.${code}`)
    : null;
}

/**
 * One task as the participant sees it (SIVA-3, SIVA-4): what, by when, a big
 * "I did it", a photo from the phone's camera, and the mentor's praise.
 */
export function TaskCard({ task }: { task: Task }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [finishing, setFinishing] = useState(false);
  const [note, setNote] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: ['portal'] });
  const done = useMutation({
    mutationFn: (status: 'done' | 'open') =>
      apiParsed(zTask, 'POST', `/api/v1/tasks/${task.id}/status`, { status, note: note.trim() || null }),
    onSuccess: () => {
      setFinishing(false);
      void refresh();
    },
  });
  const send = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > MAX_BYTES) throw new Error('file_too_large');
      return apiUpload(`/api/v1/tasks/${task.id}/evidence`, file, file.name || 'photo.jpg', {
        'idempotency-key': crypto.randomUUID(),
      });
    },
    onSuccess: () => void refresh(),
  });
  const uploadError = useUploadError(send.error);
  const isDone = task.status === 'done';
  const praise = task.feedback;

  return (
    <Paper withBorder p="lg" radius="lg" data-testid="task" bg={isDone ? 'teal.0' : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" dir="auto">
            {task.title}
          </Title>
          {isDone ? (
            <Badge size="lg" color="teal" leftSection={<IconCheck size={14} />}>
              {t('portal.tasks.done')}
            </Badge>
          ) : null}
        </Group>
        <Text size="md" c="dimmed">
          {t('portal.tasks.due', { date: formatDate(task.dueOn, i18n.language) })}
        </Text>
        {task.description ? (
          <Text size="lg" dir="auto">
            {task.description}
          </Text>
        ) : null}
        {task.doneNote ? (
          <Text size="md" fs="italic" dir="auto">
            {task.doneNote}
          </Text>
        ) : null}
        <PhotoThumbs
          photos={task.evidence}
          openLabel={(p) => t('portal.tasks.openPhoto', { name: p.fileName })}
        />
        {praise.map((f) => (
          <Paper key={f.id} p="sm" radius="md" bg="yellow.0" data-testid="praise">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              {f.praise ? (
                <IconStar size={22} color="var(--mantine-color-yellow-7)" fill="currentColor" aria-hidden />
              ) : null}
              {/* Name and words isolated, so a Latin name does not turn an Arabic sentence around. */}
              <Text size="md">
                <bdi>
                  <strong>{f.authorName}</strong>
                </bdi>
                {': '}
                <bdi>{f.text ?? t('portal.tasks.praised')}</bdi>
              </Text>
            </Group>
          </Paper>
        ))}
        {finishing ? (
          <Stack gap="xs">
            <Textarea
              size="md"
              label={t('portal.tasks.howDidItGo')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
            />
            <Button size="lg" color="teal" loading={done.isPending} onClick={() => done.mutate('done')}>
              {t('portal.tasks.markDone')}
            </Button>
          </Stack>
        ) : null}
        <Group grow>
          {!isDone && !finishing ? (
            <Button size="lg" color="teal" leftSection={<IconCheck />} onClick={() => setFinishing(true)}>
              {t('portal.tasks.iDidIt')}
            </Button>
          ) : null}
          {task.evidence.length < 5 ? (
            <FileButton onChange={(f) => f && send.mutate(f)} accept="image/*" capture="environment">
              {(props) => (
                <Button
                  {...props}
                  size="lg"
                  variant="light"
                  leftSection={<IconCamera />}
                  loading={send.isPending}
                >
                  {t('portal.tasks.addPhoto')}
                </Button>
              )}
            </FileButton>
          ) : null}
        </Group>
        {uploadError ? (
          <Text c="red" role="alert">
            {uploadError}
          </Text>
        ) : send.error ? (
          <ProblemAlert error={send.error} />
        ) : null}
        {done.error ? <ProblemAlert error={done.error} /> : null}
        {isDone ? (
          <Button variant="subtle" size="sm" onClick={() => done.mutate('open')} loading={done.isPending}>
            {t('portal.tasks.notDoneYet')}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
