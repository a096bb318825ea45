import {
  Alert,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { type Mentor, zMentor, zMentorCreate, zMentorPatch, zParticipantList } from '@tandem/contract';
import { placesOf } from '@tandem/domain/matching/eligibility';
import { PROFESSIONS } from '@tandem/domain/matching/vocabulary';
import { useQuery } from '@tanstack/react-query';
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
import { apiParsed } from '../../lib/api';
import { useProgram } from '../../lib/policy';
import { useVocab } from '../../lib/vocab';
import { BriefingControl } from './BriefingControl';
import { MentorLoginField } from './MentorLoginField';

interface Values extends ProfileValues {
  programId: string;
  /** The login the record belongs to (a user of the organisation with the mentor role). */
  userId: string | null;
  profession: string | null;
  travelRadiusKm: number | string;
  capacity: number | string;
  domainStrengths: string[];
  trainingCompletedOn: string;
  trainingHours: number | string;
  familyOf: string[];
  active: boolean;
}

const empty = (programId: string): Values => ({
  ...emptyProfile(),
  programId,
  userId: null,
  profession: null,
  travelRadiusKm: 10,
  capacity: 2,
  domainStrengths: [],
  trainingCompletedOn: '',
  trainingHours: 0,
  familyOf: [],
  active: true,
});

const fromRecord = (m: Mentor): Values => ({
  ...profileOf(m),
  programId: m.programId,
  userId: m.userId,
  profession: m.profession,
  travelRadiusKm: m.travelRadiusKm,
  capacity: m.capacity,
  domainStrengths: m.domainStrengths,
  trainingCompletedOn: m.trainingCompletedOn ?? '',
  trainingHours: m.trainingHours,
  familyOf: m.familyOf,
  active: m.active,
});

/** An empty training date means "not completed" (MOH-13, CM-1). */
const toBody = ({ programId: _, trainingCompletedOn, ...v }: Values) => ({
  ...profileBody(v),
  trainingCompletedOn: trainingCompletedOn === '' ? null : trainingCompletedOn,
});

/**
 * The mentor registry's form: the person, their profession (SIVA-1), how far
 * they travel and how many mentees they can hold, their strengths by the
 * program's support domains, training (MOH-13, CM-1), declared family ties
 * (MOH-12) and whether they are active.
 */
export function MentorFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const vocab = useVocab();
  const navigate = useNavigate();
  const r = useRecordForm<Values, Mentor>({
    collection: '/api/v1/mentors',
    id,
    createSchema: zMentorCreate,
    patchSchema: zMentorPatch,
    recordSchema: zMentor,
    empty,
    fromRecord,
    toBody,
    onSaved: () => navigate('/mentors'),
  });
  const { form } = r;
  const terms = programTerms(r.program);
  const v = form.values;
  // Family ties name participants of the mentor's own program.
  const people = useQuery({
    queryKey: ['participants'],
    queryFn: () => apiParsed(zParticipantList, 'GET', '/api/v1/participants'),
  });
  const programId = r.record?.programId ?? v.programId;
  const { policy } = useProgram(programId || null);
  // The mentees held now (from the record) against the capacity as typed, asked of the rule
  // proposals ask: a capacity below the load is allowed, and stops new matches (MATCH-CAPACITY).
  const over =
    r.record && typeof v.capacity === 'number'
      ? placesOf({ capacity: v.capacity, activeMentees: r.record.activeMentees }).over
      : 0;
  const relatives = (people.data?.items ?? [])
    .filter((p) => p.programId === programId || v.familyOf.includes(p.id))
    .map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <ProfileForm
      r={r}
      editing={!!id}
      title={
        id ? t('profileForm.editTitle', { name: r.record?.displayName ?? '' }) : t('profileForm.newMentor')
      }
      backTo="/mentors"
      kindField={
        <Select
          label={t('profileForm.profession')}
          data={vocab.options('profession', PROFESSIONS, [v.profession])}
          clearable
          {...form.getInputProps('profession')}
        />
      }
    >
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('profileForm.mentoring')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <NumberInput
            label={t('profileForm.capacity')}
            description={
              r.record ? (
                <>
                  {t('profileForm.capacityHelp')}
                  <br />
                  {t('mentorLoad.holds', { count: r.record.activeMentees })}
                </>
              ) : (
                t('profileForm.capacityHelp')
              )
            }
            min={0}
            max={50}
            allowDecimal={false}
            {...form.getInputProps('capacity')}
          />
          <NumberInput
            label={t('profileForm.travelRadiusKm')}
            min={0}
            max={500}
            {...form.getInputProps('travelRadiusKm')}
          />
          <TextInput
            label={t('profileForm.trainingCompletedOn')}
            description={t('profileForm.trainingHelp')}
            type="date"
            {...form.getInputProps('trainingCompletedOn')}
          />
          <NumberInput
            label={t('profileForm.trainingHours')}
            min={0}
            max={10000}
            {...form.getInputProps('trainingHours')}
          />
        </SimpleGrid>
        {over > 0 && r.record ? (
          <Alert mt="md" color="orange" title={t('mentorLoad.overTitle')} data-testid="over-capacity">
            {t('mentorLoad.overBody', { count: r.record.activeMentees, capacity: Number(v.capacity) })}
          </Alert>
        ) : null}
        <MultiSelect
          mt="md"
          label={t('profileForm.domainStrengths')}
          data={vocab.options('domain', terms.domains, v.domainStrengths)}
          searchable
          {...form.getInputProps('domainStrengths')}
        />
        <MultiSelect
          mt="md"
          label={t('profileForm.familyOf')}
          description={t('profileForm.familyHelp')}
          data={relatives}
          searchable
          {...form.getInputProps('familyOf')}
        />
        <Switch
          mt="md"
          label={t('profileForm.active')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <MentorLoginField
          mentorId={id}
          value={v.userId}
          onChange={(userId) => form.setFieldValue('userId', userId)}
          error={form.errors.userId}
        />
      </Paper>
      {r.record && policy?.briefing ? <BriefingControl mentor={r.record} policy={policy} /> : null}
    </ProfileForm>
  );
}
