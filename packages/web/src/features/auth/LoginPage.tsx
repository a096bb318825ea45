import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Me, zLoginRequest } from '@tandem/contract';
import { useMutation } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { applyLocale } from '../../app/i18n';
import { useSetMe } from '../../app/session';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { ApiError, api } from '../../lib/api';

export function LoginPage() {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const form = useForm({ initialValues: { email: '', password: '' }, validate: zod4Resolver(zLoginRequest) });
  const login = useMutation({
    mutationFn: (values: { email: string; password: string }) =>
      api<Me>('POST', '/api/v1/auth/login', values),
    onSuccess: async (me) => {
      await applyLocale(me.user.locale);
      setMe(me);
    },
  });

  let error: string | null = null;
  if (login.error instanceof ApiError) {
    if (login.error.status === 429) {
      error = t('auth.locked', { count: Math.max(1, Math.ceil((login.error.retryAfterSeconds ?? 60) / 60)) });
    } else if (login.error.status === 403) error = t('auth.crossSite');
    else if (login.error.status === 401 || login.error.status === 400) error = t('auth.invalid');
    else error = t('errors.generic');
  } else if (login.error) error = t('errors.network');

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Group justify="space-between" mb="lg" align="flex-start">
          <div>
            <Title order={1} size="h2">
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('app.tagline')}
            </Text>
          </div>
          <LanguageSwitcher compact />
        </Group>
        <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
          <Stack>
            <Title order={2} size="h4">
              {t('auth.title')}
            </Title>
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              dir="ltr"
              required
              {...form.getInputProps('email')}
              error={form.errors.email ? t('errors.fields.invalid_format') : undefined}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
              error={form.errors.password ? t('errors.fields.required') : undefined}
            />
            {error ? (
              <Text c="red" role="alert" size="sm">
                {error}
              </Text>
            ) : null}
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('auth.signIn')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
