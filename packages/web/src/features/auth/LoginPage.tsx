import {
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type LoginRequest, zCodeLoginRequest, zLoginRequest, zMe } from '@tandem/contract';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLocale } from '../../app/i18n';
import { useSetMe } from '../../app/session';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { ApiError, apiParsed } from '../../lib/api';
import { useContractResolver } from '../../lib/forms';

/** A sign-in refusal as one sentence: wrong credentials, a lockout with its wait (AUTH-03), or neither. */
function useLoginError(error: unknown, mode: Mode): string | null {
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
      return mode === 'code' ? t('auth.invalidCode') : t('auth.invalid');
    default:
      return t('errors.generic');
  }
}

type Mode = 'password' | 'code';

/**
 * Sign in with an email, a printed sign-in name or a phone number and a
 * password — or, for participants, with a one-time code from the sheet their
 * coordinator printed (decision record 011).
 */
export function LoginPage() {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const [mode, setMode] = useState<Mode>('password');
  const validatePassword = useContractResolver(zLoginRequest);
  const validateCode = useContractResolver(zCodeLoginRequest);
  const passwordForm = useForm({
    initialValues: { identifier: '', password: '' },
    validate: validatePassword,
  });
  const codeForm = useForm({ initialValues: { code: '' }, validate: validateCode });
  const signedIn = async (me: Awaited<ReturnType<typeof zMe.parse>>) => {
    await applyLocale(me.user.locale);
    setMe(me);
  };
  const login = useMutation({
    mutationFn: (values: LoginRequest) => apiParsed(zMe, 'POST', '/api/v1/auth/login', values),
    onSuccess: signedIn,
  });
  const codeLogin = useMutation({
    mutationFn: (values: { code: string }) => apiParsed(zMe, 'POST', '/api/v1/auth/code-login', values),
    onSuccess: signedIn,
  });
  const current = mode === 'password' ? login : codeLogin;
  const error = useLoginError(current.error, mode);

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
        <Stack>
          <Title order={2} size="h4">
            {t('auth.title')}
          </Title>
          <SegmentedControl
            fullWidth
            aria-label={t('auth.how')}
            value={mode}
            onChange={(v) => setMode(v as Mode)}
            data={[
              { value: 'password', label: t('auth.withPassword') },
              { value: 'code', label: t('auth.withCode') },
            ]}
          />
          {mode === 'password' ? (
            <form onSubmit={passwordForm.onSubmit((values) => login.mutate(values))} noValidate>
              <Stack>
                <TextInput
                  label={t('auth.identifier')}
                  description={t('auth.identifierHint')}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  dir="ltr"
                  required
                  {...passwordForm.getInputProps('identifier')}
                />
                <PasswordInput
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  {...passwordForm.getInputProps('password')}
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
          ) : (
            <form onSubmit={codeForm.onSubmit((values) => codeLogin.mutate(values))} noValidate>
              <Stack>
                <TextInput
                  label={t('auth.code')}
                  description={t('auth.codeHint')}
                  autoComplete="one-time-code"
                  autoCapitalize="characters"
                  spellCheck={false}
                  dir="ltr"
                  size="lg"
                  styles={{ input: { letterSpacing: '0.08em', fontFamily: 'ui-monospace, monospace' } }}
                  required
                  {...codeForm.getInputProps('code')}
                />
                {error ? (
                  <Text c="red" role="alert" size="sm">
                    {error}
                  </Text>
                ) : null}
                <Button type="submit" size="lg" loading={codeLogin.isPending} fullWidth>
                  {t('auth.signIn')}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
