import { Select, useDirection } from '@mantine/core';
import { isRtl, LOCALES, type Locale } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { applyLocale, LANGUAGE_NAMES } from '../app/i18n';

/** Language choice; `onChange` lets a signed-in shell remember it for the user. */
export function LanguageSwitcher({
  onChange,
  compact,
}: {
  onChange?: (l: Locale) => void;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { setDirection } = useDirection();
  return (
    <Select
      aria-label={t('lang.label')}
      label={compact ? undefined : t('lang.label')}
      data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      value={i18n.language}
      allowDeselect={false}
      w={compact ? 140 : undefined}
      data-testid="language-switcher"
      onChange={(value) => {
        if (!value) return;
        const locale = value as Locale;
        setDirection(isRtl(locale) ? 'rtl' : 'ltr');
        void applyLocale(locale);
        onChange?.(locale);
      }}
    />
  );
}
