import { Alert } from '@mantine/core';
import { isRefusalCode } from '@tandem/domain/messages/codes';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { useDomainText } from '../lib/messages';

/**
 * A failed request as a translated sentence. A rule refusal shows the rule's
 * own sentence, written here from its code and values by the same catalog the
 * server uses, so a program's codes in it (a support domain) read translated;
 * a code this version does not know keeps the server's sentence.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const domainText = useDomainText();
  if (!error) return null;
  let text = t('errors.generic');
  if (error instanceof ApiError) {
    const p = error.problem;
    if (p?.ruleId && p.code && isRefusalCode(p.code))
      text = domainText.refusal({
        ruleId: p.ruleId,
        code: p.code,
        params: (p.params ?? {}) as Parameters<typeof domainText.refusal>[0]['params'],
      });
    else if (p?.ruleId && p.detail) text = p.detail;
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
