import {
  Checkbox,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type Participant, zParticipant, zParticipantCreate, zParticipantPatch } from '@tandem/contract';
import { TARGET_GROUPS } from '@tandem/domain/matching/vocabulary';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import {
  emptyProfile,
  type ProfileValues,
  profileBody,
  profileOf,
} from '../../components/profile/ProfileFields';
import { ProfileForm } from '../../components/profile/ProfileForm';
import { programTerms, useRecordForm } from '../../components/profile/useRecordForm';
import { formatDate } from '../../lib/format';
import { useVocab } from '../../lib/vocab';

interface Values extends ProfileValues {
  programId: string;
  preferredMentorGender: string;
  modePreference: string;
  needs: string[];
  targetGroup: string | null;
  consentGiven: boolean;
}

const empty = (programId: string): Values => ({
  ...emptyProfile(),
  programId,
  preferredMentorGender: 'any',
  modePreference: 'either',
  needs: [],
  targetGroup: null,
  consentGiven: false,
});

const fromRecord = (p: Participant): Values => ({
  ...profileOf(p),
  programId: p.programId,
  preferredMentorGender: p.preferredMentorGender,
  modePreference: p.modePreference,
  needs: p.needs,
  targetGroup: p.targetGroup,
  consentGiven: p.consentGivenAt !== null,
});

const toBody = ({ programId: _, ...v }: Values) => profileBody(v);

/** The two either-or preferences: the field, its labels' catalog key, and the choices. */
const CHOICES = [
  ['preferredMentorGender', 'preferred', ['any', 'female', 'male']],
  ['modePreference', 'modes', ['in_person', 'virtual', 'either']],
] as const;

/**
 * Intake of a participant, or an edit of their profile: everything matching
 * weighs (languages, community, preferences, place, needs by the program's
 * support domains, interests, weekly hours), the target group (MUNI-5) and
 * documented consent (RAMP-1).
 */
export function ParticipantFormPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const vocab = useVocab();
  const navigate = useNavigate();
  const r = useRecordForm<Values, Participant>({
    collection: '/api/v1/participants',
    id,
    createSchema: zParticipantCreate,
    patchSchema: zParticipantPatch,
    recordSchema: zParticipant,
    empty,
    fromRecord,
    toBody,
    onSaved: (p) => navigate(`/participants/${p.id}`),
  });
  const { form } = r;
  const terms = programTerms(r.program);
  const v = form.values;
  return (
    <ProfileForm
      r={r}
      editing={!!id}
      title={
        id
          ? t('profileForm.editTitle', { name: r.record?.displayName ?? '' })
          : t('profileForm.newParticipant')
      }
      backTo={id ? `/participants/${id}` : '/participants'}
      kindField={
        <Select
          label={t('profileForm.targetGroup')}
          description={t('profileForm.targetGroupHelp')}
          data={vocab.options('targetGroup', TARGET_GROUPS, [v.targetGroup])}
          clearable
          {...form.getInputProps('targetGroup')}
        />
      }
    >
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('profileForm.preferences')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {CHOICES.map(([field, key, values]) => (
            <Stack gap={4} key={field}>
              <Text size="sm" fw={500}>
                {t(`profileForm.${field}`)}
              </Text>
              <SegmentedControl
                aria-label={t(`profileForm.${field}`)}
                data={values.map((value) => ({ value, label: t(`profileForm.${key}.${value}`) }))}
                {...form.getInputProps(field)}
              />
            </Stack>
          ))}
        </SimpleGrid>
        <MultiSelect
          mt="md"
          label={t('profileForm.needs')}
          description={t('profileForm.needsHelp')}
          data={vocab.options('domain', terms.domains, v.needs)}
          searchable
          {...form.getInputProps('needs')}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('profileForm.consentTitle')}
        </Title>
        <Checkbox
          label={t('profileForm.consentGiven')}
          description={
            r.record?.consentGivenAt
              ? t('profileForm.consentSince', {
                  date: formatDate(r.record.consentGivenAt.slice(0, 10), i18n.language),
                })
              : t('profileForm.consentHelp')
          }
          {...form.getInputProps('consentGiven', { type: 'checkbox' })}
        />
      </Paper>
    </ProfileForm>
  );
}
