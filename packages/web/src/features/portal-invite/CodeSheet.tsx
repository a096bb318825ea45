import { Box, Divider, Group, List, Stack, Text, Title } from '@mantine/core';
import type { CodeSheet as Sheet } from '@tandem/contract';
import { isRtl } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import './code-sheet.css';

/**
 * The printable sheet, in the participant's language and direction — not the
 * coordinator's: where to go, their sign-in name, and the one-time codes.
 */
export function CodeSheet({ sheet, address }: { sheet: Sheet; address: string }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(sheet.locale);
  const expires = formatDate(sheet.codes[0]!.expiresAt.slice(0, 10), sheet.locale);
  return (
    <Box
      className="code-sheet"
      lang={sheet.locale}
      dir={isRtl(sheet.locale) ? 'rtl' : 'ltr'}
      data-testid="code-sheet"
      p="lg"
      style={{ border: '2px dashed var(--mantine-color-gray-5)', borderRadius: 12 }}
    >
      <Stack gap="md">
        <div>
          <Text size="sm" c="dimmed">
            {sheet.orgName}
          </Text>
          <Title order={2} size="h3">
            {t('invite.sheet.hello', { name: sheet.displayName })}
          </Title>
        </div>
        <Text size="lg">{t('invite.sheet.intro')}</Text>
        <List type="ordered" spacing="xs" size="lg">
          <List.Item>
            {t('invite.sheet.step1')}{' '}
            <Text span fw={700} dir="ltr" className="code">
              {address}
            </Text>
          </List.Item>
          <List.Item>{t('invite.sheet.step2')}</List.Item>
          <List.Item>{t('invite.sheet.step3')}</List.Item>
        </List>
        <Divider />
        <Group gap="xs">
          <Text size="lg">{t('invite.sheet.signInName')}</Text>
          <Text className="code" fw={700} data-testid="sheet-sign-in-name">
            {sheet.signInName}
          </Text>
        </Group>
        {sheet.phone ? (
          <Group gap="xs">
            <Text size="lg">{t('invite.sheet.phone')}</Text>
            <Text className="code" fw={700}>
              {sheet.phone}
            </Text>
          </Group>
        ) : null}
        <Text size="lg" fw={600}>
          {t('invite.sheet.codes', { count: sheet.codes.length })}
        </Text>
        <Stack gap={6}>
          {sheet.codes.map((c) => (
            <Group key={c.code} gap="sm">
              <Box w={18} h={18} style={{ border: '2px solid currentColor', borderRadius: 4 }} aria-hidden />
              <Text className="code" fw={700} data-testid="sheet-code">
                {c.code}
              </Text>
            </Group>
          ))}
        </Stack>
        <Text size="md">{t('invite.sheet.once', { date: expires })}</Text>
        <Text size="md" fw={600}>
          {t('invite.sheet.keepSafe')}
        </Text>
      </Stack>
    </Box>
  );
}
