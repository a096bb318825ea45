import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zLoginRequest, zMe } from '@tandem/contract';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyLocale } from '../../app/i18n';
import { useSetMe } from '../../app/session';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { ApiError, apiParsed } from '../../lib/api';
import { useContractResolver } from '../../lib/forms';

/** A sign-in refusal as one sentence: wrong credentials, a lockout with its wait (AUTH-03), or neither. */
function useLoginError(error: unknown): string | null {
  const { t } = useTranslation();
  if (!error) return null;
  if (!(error instanceof ApiError)) return t('errors.network');
  switch (error.status) {
    case 429:
      // Round up: "try again in 0 minutes" would be a lie for the last few seconds.
      return t('auth.locked', { count: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) });
    case 403:
      return t('auth.crossSite');
    case 400:
    case 401:
      return t('auth.invalid');
    default:
      return t('errors.generic');
  }
}

export function LoginPage() {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const validate = useContractResolver(zLoginRequest);
  const form = useForm({ initialValues: { email: '', password: '' }, validate });
  const login = useMutation({
    mutationFn: (values: { email: string; password: string }) =>
      apiParsed(zMe, 'POST', '/api/v1/auth/login', values),
    onSuccess: async (me) => {
      await applyLocale(me.user.locale);
      setMe(me);
    },
  });

  const error = useLoginError(login.error);

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
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
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
