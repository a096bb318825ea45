import { MultiSelect, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { INTERESTS, SECTORS } from '@tandem/domain/matching/vocabulary';
import { useTranslation } from 'react-i18next';
import { useVocab } from '../../lib/vocab';
import { AvailabilityGrid, type Slot } from './AvailabilityGrid';
import { type LanguageSkill, LanguagesField } from './LanguagesField';
import { PlaceFields } from './PlaceFields';

/** What participants and mentors both have, as the form holds it. */
export interface ProfileValues {
  displayName: string;
  birthDate: string;
  gender: string;
  sector: string | null;
  languages: LanguageSkill[];
  place: { city: string; lat: number | string; lon: number | string };
  interests: string[];
  availability: Slot[];
}

export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;

export const emptyProfile = (): ProfileValues => ({
  displayName: '',
  birthDate: '',
  gender: 'unspecified',
  sector: null,
  languages: [],
  place: { city: '', lat: '', lon: '' },
  interests: [],
  availability: [],
});

/** A stored record's profile in the form's shape. */
export function profileOf(r: {
  displayName: string;
  birthDate: string;
  gender: string;
  sector: string | null;
  languages: LanguageSkill[];
  place: { city: string; lat: number; lon: number } | null;
  interests: string[];
  availability: Slot[];
}): ProfileValues {
  return {
    displayName: r.displayName,
    birthDate: r.birthDate,
    gender: r.gender,
    sector: r.sector,
    languages: r.languages.map((l) => ({ code: l.code, level: l.level })),
    place: r.place ?? { city: '', lat: '', lon: '' },
    interests: r.interests,
    availability: r.availability.map((s) => ({ day: s.day, hour: s.hour })),
  };
}

/**
 * The profile as the API takes it. A place left wholly empty is "no place";
 * half a place goes through as it is, so the contract names the missing part.
 */
export function profileBody(v: ProfileValues) {
  const { city, lat, lon } = v.place;
  const noPlace = city.trim() === '' && lat === '' && lon === '';
  return { ...v, place: noPlace ? null : { city, lat, lon } };
}

/** Errors below a path ("languages.0.level" → "0.level"), for a field that edits a list. */
export function errorsUnder(errors: Record<string, unknown>, path: string): Record<string, string> {
  const prefix = `${path}.`;
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), String(v)]),
  );
}

/** The fields every person record has: who, languages, place, interests and weekly hours. */
export function ProfileFields({
  form,
  weekStartsOn,
  children,
}: {
  form: UseFormReturnType<ProfileValues>;
  weekStartsOn?: string | undefined;
  /** Fields of the record's own kind, shown with the person's details. */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const v = form.values;
  return (
    <>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('profileForm.person')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <TextInput label={t('profileForm.displayName')} required {...form.getInputProps('displayName')} />
          <TextInput
            label={t('profileForm.birthDate')}
            type="date"
            required
            {...form.getInputProps('birthDate')}
          />
          <Select
            label={t('profileForm.gender')}
            data={GENDERS.map((g) => ({ value: g, label: t(`profileForm.genders.${g}`) }))}
            allowDeselect={false}
            {...form.getInputProps('gender')}
          />
          <Select
            label={t('profileForm.sector')}
            description={t('profileForm.sectorHelp')}
            data={vocab.options('sector', SECTORS, [v.sector])}
            clearable
            {...form.getInputProps('sector')}
          />
          {children}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <LanguagesField
            label={t('profileForm.languages')}
            value={v.languages}
            onChange={(next) => form.setFieldValue('languages', next)}
            errors={errorsUnder(form.errors, 'languages')}
            error={form.errors.languages as string | undefined}
          />
          <PlaceFields form={form} />
        </SimpleGrid>
        <MultiSelect
          mt="md"
          label={t('profileForm.interests')}
          data={vocab.options('interest', INTERESTS, v.interests)}
          searchable
          {...form.getInputProps('interests')}
        />
      </Paper>
      <Paper withBorder p="md">
        <AvailabilityGrid
          label={t('profileForm.availability')}
          value={v.availability}
          onChange={(next) => form.setFieldValue('availability', next)}
          weekStartsOn={weekStartsOn}
          error={form.errors.availability as string | undefined}
        />
      </Paper>
    </>
  );
}
