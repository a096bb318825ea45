import {
  Anchor,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type Me, zMe } from '@tandem/contract';
import type { Locale } from '@tandem/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSetMe } from '../../app/session';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { api, apiParsed } from '../../lib/api';
import { homeOf, NAV } from './nav';

export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const qc = useQueryClient();

  const logout = useMutation({
    mutationFn: () => api<void>('POST', '/api/v1/auth/logout'),
    onSettled: () => {
      // Forget everything read under this login, but keep the `me` query its observers watch.
      setMe(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      navigate('/');
    },
  });
  const switchOrg = useMutation({
    mutationFn: (orgId: string) => apiParsed(zMe, 'POST', '/api/v1/auth/switch-org', { orgId }),
    onSuccess: (next) => {
      setMe(next);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      navigate(homeOf(next.role));
    },
  });
  // The shell applies `me.user.locale` whenever `me` changes, so an older answer
  // arriving after a newer choice must not switch the language back: requests run
  // one after another (the last one wins on the server too) and only the answer to
  // the latest choice updates `me`.
  const latestLocale = useRef<Locale | null>(null);
  const savePreference = useMutation({
    scope: { id: 'locale-preference' },
    mutationFn: (locale: Locale) => apiParsed(zMe, 'PATCH', '/api/v1/auth/me/preferences', { locale }),
    onSuccess: (next, locale) => {
      if (locale === latestLocale.current) setMe(next);
    },
  });
  const rememberLocale = (locale: Locale) => {
    latestLocale.current = locale;
    savePreference.mutate(locale);
  };

  return (
    <AppShell
      transitionDuration={0}
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Anchor
          href="#main"
          className="skip-link"
          onClick={(e) => {
            // Move focus, not only the scroll position, so keyboard users land in the page.
            e.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('shell.skip')}
        </Anchor>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <Title order={1} size="h3" c="teal.8">
              {t('app.name')}
            </Title>
            <Text visibleFrom="md" c="dimmed" size="sm" truncate>
              {me.orgName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher compact onChange={rememberLocale} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.mainNav')}>
        <AppShell.Section grow>
          <Stack gap={4}>
            {NAV[me.role].map((item) => (
              <NavLink
                key={item.path}
                component={Link}
                to={item.path}
                label={t(item.labelKey)}
                active={location.pathname === item.path || location.pathname.startsWith(`${item.path}/`)}
                onClick={close}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap="xs" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Text size="sm" fw={600} data-testid="user-name">
              {me.user.displayName}
            </Text>
            <Group gap={6}>
              <Badge variant="light" data-testid="user-role">
                {t(`roles.${me.role}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {me.orgName}
            </Text>
            {me.memberships.length > 1 ? (
              <Select
                size="xs"
                label={t('shell.switchOrg')}
                data={me.memberships.map((m) => ({
                  value: m.orgId,
                  label: `${m.orgName} · ${t(`roles.${m.role}`)}`,
                }))}
                value={me.orgId}
                allowDeselect={false}
                onChange={(v) => v && v !== me.orgId && switchOrg.mutate(v)}
              />
            ) : null}
            <Button variant="light" color="gray" onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('auth.signOut')}
            </Button>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
