import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { type CodeSheet as Sheet, zCodeSheet, zPortalAccess } from '@tandem/contract';
import { LOCALES, type Locale } from '@tandem/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LANGUAGE_NAMES } from '../../app/i18n';
import { useMe } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError, apiParsed } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { CodeSheet } from './CodeSheet';

function printSheet() {
  document.documentElement.dataset.printing = 'code-sheet';
  window.addEventListener('afterprint', () => delete document.documentElement.dataset.printing, {
    once: true,
  });
  window.print();
}

/**
 * Under a participant's file, for coordinators: invite them to the portal, or
 * print a new sheet of one-time codes in their language (decision record 011).
 * The codes are shown this once; a new sheet ends the old one's unused codes.
 */
export function PortalInvitePanel() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const staff = me.data?.role === 'coordinator' || me.data?.role === 'admin';
  const access = useQuery({
    queryKey: ['portal-access', id],
    queryFn: () => apiParsed(zPortalAccess, 'GET', `/api/v1/participants/${id}/portal-access`),
    enabled: staff,
  });
  const [locale, setLocale] = useState<Locale | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [codes, setCodes] = useState<number | string>(3);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const a = access.data;
  const chosenLocale = locale ?? a?.locale ?? (i18n.language as Locale);
  const invite = useMutation({
    mutationFn: () =>
      apiParsed(zCodeSheet, 'POST', `/api/v1/participants/${id}/portal-invitation`, {
        locale: chosenLocale,
        codes: Number(codes),
        ...(phone === null ? {} : { phone: phone.trim() || null }),
      }),
    onSuccess: (s) => {
      setSheet(s);
      void qc.invalidateQueries({ queryKey: ['portal-access', id] });
    },
  });
  if (!staff) return null;
  const phoneCode =
    invite.error instanceof ApiError
      ? invite.error.problem?.errors?.find((e) => e.field === 'phone')?.code
      : undefined;

  return (
    <Paper withBorder p="md" mt="md" data-testid="portal-invite">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('invite.title')}
          </Title>
          {a ? (
            <Badge variant="light" color={a.invited ? (a.disabled ? 'red' : 'teal') : 'gray'}>
              {a.invited ? (a.disabled ? t('invite.ended') : t('invite.invited')) : t('invite.notInvited')}
            </Badge>
          ) : null}
        </Group>
        {a?.invited ? (
          <Text size="sm" data-testid="portal-status">
            {t('invite.status', { name: a.signInName ?? '', count: a.activeCodes })}{' '}
            {a.codesExpireAt
              ? t('invite.expires', { date: formatDate(a.codesExpireAt.slice(0, 10), i18n.language) })
              : ''}{' '}
            {a.hasPassword ? t('invite.hasPassword') : t('invite.codesOnly')}
          </Text>
        ) : (
          <Text size="sm">{t('invite.explain')}</Text>
        )}
        {access.error ? <ProblemAlert error={access.error} /> : null}
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('invite.language')}
            data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={chosenLocale}
            onChange={(v) => v && setLocale(v as Locale)}
            allowDeselect={false}
            w={160}
          />
          <TextInput
            label={t('invite.phone')}
            description={t('invite.phoneHint')}
            placeholder="+972 50 123 4567"
            dir="ltr"
            type="tel"
            value={phone ?? a?.phone ?? ''}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={phoneCode ? t(`invite.errors.${phoneCode}`) : undefined}
            w={230}
          />
          <NumberInput label={t('invite.codes')} value={codes} onChange={setCodes} min={1} max={10} w={110} />
          <Button onClick={() => invite.mutate()} loading={invite.isPending}>
            {a?.invited ? t('invite.newSheet') : t('invite.invite')}
          </Button>
        </Group>
        {invite.error && !phoneCode ? <ProblemAlert error={invite.error} /> : null}
        {sheet ? (
          <Stack>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('invite.shownOnce')}
              </Text>
              <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={printSheet}>
                {t('invite.print')}
              </Button>
            </Group>
            <CodeSheet sheet={sheet} address={window.location.origin} />
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
