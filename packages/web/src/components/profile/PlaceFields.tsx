import { Input, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ProfileValues } from './ProfileFields';

const COORDINATES = [
  ['lat', 90],
  ['lon', 180],
] as const;

/**
 * Where the person lives: the city as people say it, and its coordinates,
 * which matching uses for the distance to a mentor and their travel radius.
 */
export function PlaceFields({ form }: { form: UseFormReturnType<ProfileValues> }) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={t('profileForm.place')} description={t('profileForm.placeHelp')}>
      <SimpleGrid cols={{ base: 1, xs: 3 }} mt={6} spacing="xs">
        <TextInput label={t('profileForm.city')} {...form.getInputProps('place.city')} />
        {COORDINATES.map(([field, bound]) => (
          <NumberInput
            key={field}
            label={t(`profileForm.${field}`)}
            decimalScale={5}
            min={-bound}
            max={bound}
            hideControls
            dir="ltr"
            {...form.getInputProps(`place.${field}`)}
          />
        ))}
      </SimpleGrid>
    </Input.Wrapper>
  );
}
