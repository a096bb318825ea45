import { ActionIcon, Button, Group, Input, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { LANGUAGE_CODES } from '@tandem/domain/matching/vocabulary';
import { useTranslation } from 'react-i18next';
import { useVocab } from '../../lib/vocab';

export interface LanguageSkill {
  code: string;
  level: number;
}

const LEVELS = ['1', '2', '3', '4', '5'];

interface Props {
  label: string;
  value: LanguageSkill[];
  onChange: (next: LanguageSkill[]) => void;
  /** Errors by path below the field ("0.level"), as the contract names them. */
  errors: Record<string, string>;
  error?: string | undefined;
}

/**
 * Languages with a level each, 1 (basic) to 5 (native): matching needs a
 * shared language (MOH-11) and weighs its level.
 */
export function LanguagesField({ label, value, onChange, errors, error }: Props) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const taken = new Set(value.map((l) => l.code));
  const set = (i: number, next: Partial<LanguageSkill>) =>
    onChange(value.map((l, j) => (i === j ? { ...l, ...next } : l)));
  const free = LANGUAGE_CODES.find((c) => !taken.has(c));
  return (
    <Input.Wrapper label={label} error={error} description={t('profileForm.levelHelp')}>
      <Stack gap="xs" mt={6} data-testid="languages">
        {/* Codes are unique in the list (a taken language is disabled elsewhere), so they key the rows. */}
        {value.map((l, i) => (
          <Group key={l.code} gap="xs" wrap="wrap" align="flex-start">
            <Select
              aria-label={t('profileForm.language')}
              data={[...new Set([...LANGUAGE_CODES, l.code])].map((c) => ({
                value: c,
                label: vocab.language(c),
                disabled: c !== l.code && taken.has(c),
              }))}
              value={l.code}
              onChange={(code) => code && set(i, { code })}
              allowDeselect={false}
              searchable
              w={180}
              error={errors[`${i}.code`]}
            />
            <SegmentedControl
              aria-label={t('profileForm.levelOf', { language: vocab.language(l.code) })}
              data={LEVELS}
              value={String(l.level)}
              onChange={(v) => set(i, { level: Number(v) })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('profileForm.removeLanguage', { language: vocab.language(l.code) })}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              <IconTrash size={18} />
            </ActionIcon>
            {errors[`${i}.level`] ? (
              <Text c="red" size="xs">
                {errors[`${i}.level`]}
              </Text>
            ) : null}
          </Group>
        ))}
        {free ? (
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            onClick={() => onChange([...value, { code: free, level: 3 }])}
          >
            {t('profileForm.addLanguage')}
          </Button>
        ) : null}
      </Stack>
    </Input.Wrapper>
  );
}
