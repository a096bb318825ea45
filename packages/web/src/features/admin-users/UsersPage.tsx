import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zCreateUserRequest, zCreateUserResponse, zUserList } from '@tandem/contract';
import { LOCALES, type Locale, ROLES, type Role } from '@tandem/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../app/i18n';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiParsed } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useContractResolver, useFieldErrors } from '../../lib/forms';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const fieldErrors = useFieldErrors();
  // The one-time password lives only in this state: shown once, never cached or refetched.
  const [created, setCreated] = useState<ReturnType<typeof zCreateUserResponse.parse> | null>(null);
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => apiParsed(zUserList, 'GET', '/api/v1/users'),
  });
  const validate = useContractResolver(zCreateUserRequest);
  const form = useForm({
    initialValues: { displayName: '', email: '', role: 'mentor' as Role, locale: i18n.language as Locale },
    validate,
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) => apiParsed(zCreateUserResponse, 'POST', '/api/v1/users', v),
    onMutate: () => setCreated(null),
    onSuccess: (result) => {
      setCreated(result);
      form.reset();
      notifications.show({ color: 'teal', message: t('users.created', { name: result.user.displayName }) });
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });

  return (
    <Stack>
      <div>
        <Title order={2}>{t('users.title')}</Title>
        <Text c="dimmed">{t('users.intro')}</Text>
      </div>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('users.add')}
        </Title>
        <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
          {/* A grid, not a row aligned at the bottom: an error under one field must not shift the others. */}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <TextInput label={t('users.name')} required {...form.getInputProps('displayName')} />
            <TextInput
              label={t('users.email')}
              type="email"
              dir="ltr"
              required
              {...form.getInputProps('email')}
            />
            <Select
              label={t('users.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              allowDeselect={false}
              {...form.getInputProps('role')}
            />
            <Select
              label={t('users.language')}
              data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <Group mt="md">
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </form>
        {create.error && Object.keys(form.errors).length === 0 ? <ProblemAlert error={create.error} /> : null}
        {created ? (
          <Alert mt="md" color="teal" title={created.user.displayName} data-testid="created-user">
            {created.oneTimePassword ? (
              <Stack gap="xs">
                <Text size="sm">{t('users.oneTimeHelp')}</Text>
                <Group>
                  <Text size="sm" fw={600}>
                    {t('users.oneTime')}:
                  </Text>
                  <Code data-testid="one-time-password" dir="ltr">
                    {created.oneTimePassword}
                  </Code>
                  <CopyButton value={created.oneTimePassword}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="light" onClick={copy}>
                        {copied ? t('users.copied') : t('users.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Stack>
            ) : (
              <Text size="sm">{t('users.existingAccount')}</Text>
            )}
          </Alert>
        ) : null}
      </Paper>
      {users.error ? <ProblemAlert error={users.error} /> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.language')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th>{t('users.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(users.data?.items ?? []).map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td dir="ltr">{u.email}</Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>{LANGUAGE_NAMES[u.locale]}</Table.Td>
                  <Table.Td>
                    <Badge color={u.disabled ? 'gray' : 'teal'} variant="light">
                      {u.disabled ? t('users.disabled') : t('users.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(u.createdAt.slice(0, 10), i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {users.data && users.data.items.length === 0 ? <Text p="md">{t('users.empty')}</Text> : null}
      </Paper>
    </Stack>
  );
}
