import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * REL-03: the record changed since this form was opened (412). Nothing was
 * saved; reloading shows the other person's changes to start again from.
 */
export function StaleAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="alert" title={t('profileForm.stale.title')} data-testid="stale">
      {t('profileForm.stale.body')}
      <Button mt="sm" size="xs" variant="light" color="orange" display="block" onClick={onReload}>
        {t('profileForm.stale.reload')}
      </Button>
    </Alert>
  );
}
