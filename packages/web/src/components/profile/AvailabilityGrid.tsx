import { Group, Input, Switch, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Slot {
  day: number;
  hour: number;
}

/** Slot days count from Sunday (0), as the contract does; the grid starts on the program's first day. */
const FIRST_DAY: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const DAYTIME = Array.from({ length: 16 }, (_, i) => i + 7);
const ALL_HOURS = Array.from({ length: 24 }, (_, i) => i);

interface Props {
  label: string;
  value: Slot[];
  onChange: (next: Slot[]) => void;
  /** The program's week start (`policy.weekStartsOn`), so the week reads as the program counts it. */
  weekStartsOn?: string | undefined;
  error?: string | undefined;
}

/**
 * Weekly availability as a day × hour grid of toggle buttons. Seven narrow
 * columns fit a phone; daytime hours show by default and the night hours are
 * one switch away (a slot held at night stays visible). Right to left, the
 * week runs from the right, as the reader expects.
 */
export function AvailabilityGrid({ label, value, onChange, weekStartsOn, error }: Props) {
  const { t, i18n } = useTranslation();
  const heldAtNight = value.some((s) => !DAYTIME.includes(s.hour));
  const [night, setNight] = useState(heldAtNight);
  const hours = night || heldAtNight ? ALL_HOURS : DAYTIME;
  const first = FIRST_DAY[weekStartsOn ?? 'sunday'] ?? 0;
  const days = Array.from({ length: 7 }, (_, i) => (first + i) % 7);
  // 2026-11-01 was a Sunday: day d of the contract is that date plus d days.
  const dayName = (d: number, weekday: 'short' | 'long') =>
    new Intl.DateTimeFormat(i18n.language, { weekday, timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 10, 1 + d)),
    );
  const hourName = (h: number) =>
    new Intl.DateTimeFormat(i18n.language, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2026, 10, 1, h)));
  const held = new Set(value.map((s) => s.day * 24 + s.hour));
  const toggle = (day: number, hour: number) => {
    const key = day * 24 + hour;
    onChange(
      held.has(key)
        ? value.filter((s) => s.day * 24 + s.hour !== key)
        : [...value, { day, hour }].sort((a, b) => a.day * 24 + a.hour - (b.day * 24 + b.hour)),
    );
  };
  const cell = 'minmax(36px, 1fr)';
  return (
    <Input.Wrapper label={label} error={error} description={t('profileForm.availabilityHelp')}>
      <Group justify="space-between" my={6}>
        <Text size="sm" c="dimmed" data-testid="availability-count">
          {t('profileForm.hoursPerWeek', { count: value.length })}
        </Text>
        <Switch
          size="sm"
          label={t('profileForm.nightHours')}
          checked={night || heldAtNight}
          disabled={heldAtNight}
          onChange={(e) => setNight(e.currentTarget.checked)}
        />
      </Group>
      <fieldset
        aria-label={label}
        data-testid="availability"
        style={{
          display: 'grid',
          gridTemplateColumns: `3.2rem repeat(7, ${cell})`,
          gap: 2,
          border: 0,
          margin: 0,
          padding: 0,
          minWidth: 0,
          // Wide enough to tap on a phone, not stretched across a desktop screen.
          maxWidth: '40rem',
        }}
      >
        <span />
        {days.map((d) => (
          <Text key={d} size="xs" ta="center" fw={600} title={dayName(d, 'long')}>
            {dayName(d, 'short')}
          </Text>
        ))}
        {hours.map((h) => (
          <Row key={h} hour={hourName(h)}>
            {days.map((d) => {
              const on = held.has(d * 24 + h);
              return (
                <UnstyledButton
                  key={d}
                  aria-pressed={on}
                  aria-label={`${dayName(d, 'long')} ${hourName(h)}`}
                  onClick={() => toggle(d, h)}
                  style={{
                    height: 28,
                    borderRadius: 4,
                    background: on ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-1)',
                    border: '1px solid var(--mantine-color-gray-3)',
                  }}
                />
              );
            })}
          </Row>
        ))}
      </fieldset>
    </Input.Wrapper>
  );
}

function Row({ hour, children }: { hour: string; children: React.ReactNode }) {
  return (
    <>
      <Text size="xs" c="dimmed" dir="ltr" style={{ alignSelf: 'center' }}>
        {hour}
      </Text>
      {children}
    </>
  );
}
