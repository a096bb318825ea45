import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An honest placeholder for areas not built yet. */
export function Placeholder({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <Paper p="xl" withBorder>
      <Title order={2} mb="sm">
        {t(titleKey)}
      </Title>
      <Text fw={600}>{t('placeholder.title')}</Text>
      <Text c="dimmed">{t('placeholder.body')}</Text>
    </Paper>
  );
}
