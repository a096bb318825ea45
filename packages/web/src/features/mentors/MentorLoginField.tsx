import { Select } from '@mantine/core';
import { zMentorLoginList } from '@tandem/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiParsed } from '../../lib/api';

/**
 * Which login this registry record belongs to: the organisation's users with
 * the mentor role. A mentor signed in sees the mentees of the record linked
 * to their login and nothing else (TEN-03).
 */
export function MentorLoginField({
  mentorId,
  value,
  onChange,
  error,
}: {
  mentorId: string | undefined;
  value: string | null;
  onChange: (userId: string | null) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const logins = useQuery({
    queryKey: ['mentor-logins'],
    queryFn: () => apiParsed(zMentorLoginList, 'GET', '/api/v1/mentor-logins'),
  });
  const data = (logins.data?.items ?? []).map((l) => {
    const name = l.email ? `${l.displayName} · ${l.email}` : l.displayName;
    const elsewhere = l.mentorIds.some((id) => id !== mentorId);
    return { value: l.userId, label: elsewhere ? t('mentorLogin.linkedElsewhere', { name }) : name };
  });
  return (
    <Select
      mt="md"
      label={t('mentorLogin.label')}
      description={t('mentorLogin.help')}
      placeholder={t('mentorLogin.none')}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      clearable
    />
  );
}
