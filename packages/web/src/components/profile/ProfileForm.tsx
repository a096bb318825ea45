import { Anchor, Button, Group, Select, Stack, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../ProblemAlert';
import { StaleAlert } from '../StaleAlert';
import { ProfileFields, type ProfileValues } from './ProfileFields';
import { programTerms, type useRecordForm } from './useRecordForm';

type RecordForm<V extends ProfileValues & { programId: string }> = Pick<
  ReturnType<typeof useRecordForm<V, { id: string; version: number; programId: string }>>,
  'form' | 'programs' | 'program' | 'record' | 'loadError' | 'save' | 'stale' | 'reload'
>;

interface Props<V extends ProfileValues & { programId: string }> {
  r: RecordForm<V>;
  editing: boolean;
  title: string;
  /** Where "back" and "cancel" lead. */
  backTo: string;
  /** A field of the record's own kind, shown with the person's details. */
  kindField: React.ReactNode;
  /** The sections only this kind of record has. */
  children: React.ReactNode;
}

/**
 * The frame both profile forms share: the way back, the program of a new
 * record, the person's fields, the record's own sections, what went wrong on
 * save (a stale version, a refusal) and the buttons.
 */
export function ProfileForm<V extends ProfileValues & { programId: string }>({
  r,
  editing,
  title,
  backTo,
  kindField,
  children,
}: Props<V>) {
  const { t } = useTranslation();
  const { form } = r;
  return (
    <Stack>
      <Anchor component={Link} to={backTo} size="sm">
        {t('common.back')}
      </Anchor>
      <Title order={2}>{title}</Title>
      {r.loadError ? <ProblemAlert error={r.loadError} /> : null}
      <form onSubmit={form.onSubmit((values) => r.save.mutate(values))} noValidate>
        <Stack>
          {!editing && r.programs.length > 1 ? (
            <Select
              label={t('profileForm.program')}
              data={r.programs.map((p) => ({ value: p.id, label: p.name }))}
              allowDeselect={false}
              w={{ base: '100%', sm: 360 }}
              {...form.getInputProps('programId')}
            />
          ) : null}
          <ProfileFields
            form={form as unknown as UseFormReturnType<ProfileValues>}
            weekStartsOn={programTerms(r.program).weekStartsOn}
          >
            {kindField}
          </ProfileFields>
          {children}
          {r.stale ? <StaleAlert onReload={r.reload} /> : null}
          {r.save.error && !r.stale && Object.keys(form.errors).length === 0 ? (
            <ProblemAlert error={r.save.error} />
          ) : null}
          <Group>
            <Button type="submit" loading={r.save.isPending} disabled={editing && !r.record}>
              {editing ? t('profileForm.save') : t('profileForm.register')}
            </Button>
            <Button variant="subtle" component={Link} to={backTo}>
              {t('profileForm.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
