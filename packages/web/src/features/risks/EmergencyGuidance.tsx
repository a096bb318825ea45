import { Alert, Anchor, List, Text } from '@mantine/core';
import type { GuidanceStepDto } from '@tandem/contract';
import { useTranslation } from 'react-i18next';

/** The program's own emergency steps (CM-4), with numbers one tap away on a phone. */
export function EmergencyGuidancePanel({ steps }: { steps: GuidanceStepDto[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="filled"
      title={t('risks.guidance.title')}
      data-testid="emergency-guidance"
      role="alert"
    >
      {steps.length === 0 ? <Text size="sm">{t('risks.guidance.none')}</Text> : null}
      <List type="ordered" spacing="xs" size="sm" c="white">
        {steps.map((s) => (
          <List.Item key={s.text}>
            <Text size="sm" span dir="auto">
              {s.text}
            </Text>
            {s.phone ? (
              <>
                {' '}
                <Anchor
                  href={`tel:${s.phone.replace(/\s/g, '')}`}
                  c="white"
                  fw={700}
                  underline="always"
                  dir="ltr"
                >
                  {s.phone}
                </Anchor>
              </>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
