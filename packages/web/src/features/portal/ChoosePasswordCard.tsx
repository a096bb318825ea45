import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zCodePasswordRequest } from '@tandem/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { useContractResolver, useFieldErrors } from '../../lib/forms';

/**
 * Right after signing in with a code, a participant may choose a password of
 * their own (AUTH-02: at least 8 characters) — or keep using codes.
 */
export function ChoosePasswordCard({ signInName }: { signInName: string | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fieldErrors = useFieldErrors();
  const validate = useContractResolver(zCodePasswordRequest);
  const form = useForm({ initialValues: { newPassword: '' }, validate });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (v: { newPassword: string }) => api<void>('POST', '/api/v1/auth/code-password', v),
    onSuccess: () => {
      setSaved(true);
      void qc.invalidateQueries({ queryKey: ['me'] });
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  if (saved) {
    return (
      <Paper withBorder p="lg" radius="lg" bg="teal.0" role="status">
        <Text size="lg">{t('portal.password.saved', { name: signInName ?? '' })}</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="lg" radius="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('portal.password.title')}
          </Title>
          <Text>{t('portal.password.body')}</Text>
          <PasswordInput
            size="md"
            label={t('auth.newPassword')}
            description={t('portal.password.rules')}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          {save.error && !Object.keys(form.errors).length ? <ProblemAlert error={save.error} /> : null}
          <Button type="submit" size="md" variant="light" loading={save.isPending}>
            {t('auth.savePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
