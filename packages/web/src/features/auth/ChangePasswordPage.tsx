import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zChangePasswordRequest } from '@tandem/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { api } from '../../lib/api';
import { useContractResolver, useFieldErrors } from '../../lib/forms';

/** After signing in with a one-time password, the only thing one may do is choose one's own. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fieldErrors = useFieldErrors();
  const validate = useContractResolver(zChangePasswordRequest);
  const form = useForm({ initialValues: { currentPassword: '', newPassword: '' }, validate });
  const save = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) =>
      api<void>('POST', '/api/v1/auth/password', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me'] }),
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <Center mih="100vh" p="md">
      <Paper component="main" withBorder p="xl" w="100%" maw={460}>
        <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
          <Stack>
            <Title order={1} size="h3">
              {t('auth.mustChangeTitle')}
            </Title>
            <Text>{t('auth.mustChangeBody')}</Text>
            <PasswordInput
              label={t('auth.currentPassword')}
              autoComplete="current-password"
              required
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label={t('auth.newPassword')}
              description={t('auth.passwordRules')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            {save.error && !Object.keys(form.errors).length ? <ProblemAlert error={save.error} /> : null}
            <Button type="submit" loading={save.isPending}>
              {t('auth.savePassword')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
