import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';

/** A failed request as a translated sentence; a rule refusal shows the rule's own sentence from the server. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  let text = t('errors.generic');
  if (error instanceof ApiError) {
    if (error.problem?.ruleId && error.problem.detail) text = error.problem.detail;
    else if (error.status === 400) text = t('errors.validation');
    else if (error.status === 403) text = t('errors.forbidden');
    else if (error.status === 404) text = t('errors.notFound');
  } else if (error instanceof TypeError) {
    text = t('errors.network');
  }
  const requestId = error instanceof ApiError ? error.problem?.requestId : undefined;
  return (
    <Alert color="red" role="alert" title={text}>
      {requestId ? t('errors.requestId', { id: requestId.slice(0, 8) }) : null}
    </Alert>
  );
}
