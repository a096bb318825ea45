import { describe, expect, it } from 'vitest';
import { FIXTURE_POLICY } from '../policy/fixture';
import { addDays } from '../time/zone';
import { needsAttention } from './needs-attention';

// Wednesday 15 April 2026, 10:00 in Copenhagen.
const NOW = new Date('2026-04-15T08:00:00Z');
const checkIns = (scores: number[]) =>
  scores.map((wellbeing, i) => ({ day: addDays('2026-04-15', i - scores.length + 1), wellbeing }));
const state = (scores: number[]) => ({
  mentorships: [],
  approvals: [],
  checkIns: [{ participantId: 'p1', mentorshipId: 'm1', mentorId: 'u1', checkIns: checkIns(scores) }],
});

describe('SIVA-2: early warnings on the participant’s own check-ins in the attention list', () => {
  it('SIVA-2: a drop of 1.5 points is due for the mentor and the coordinator, with the averages', () => {
    for (const role of ['mentor', 'coordinator'] as const) {
      expect(needsAttention(state([5, 4, 4, 5, 3, 3, 3]), FIXTURE_POLICY, NOW, role)).toEqual([
        {
          kind: 'wellbeing_drop',
          ruleId: 'SIVA-2',
          severity: 'due',
          dueAt: new Date('2026-04-14T22:00:00Z'),
          subject: { mentorshipId: 'm1', participantId: 'p1', mentorId: 'u1' },
          params: { since: '2026-04-13', lastDay: '2026-04-15', recentAverage: 3, baselineAverage: 4.5 },
        },
      ]);
    }
  });

  it('SIVA-2: three days at 1 are overdue; committee and evaluators see nothing', () => {
    expect(
      needsAttention(state([1, 1, 1]), FIXTURE_POLICY, NOW, 'coordinator').map((i) => [i.kind, i.severity]),
    ).toEqual([['wellbeing_low', 'overdue']]);
    expect(needsAttention(state([1, 1, 1]), FIXTURE_POLICY, NOW, 'committee')).toEqual([]);
    expect(needsAttention(state([1, 1, 1]), FIXTURE_POLICY, NOW, 'evaluator')).toEqual([]);
  });

  it('SIVA-2: a fall of 1.4 raises nothing', () => {
    expect(needsAttention(state([5, 5, 4, 4, 4, 3, 3, 3]), FIXTURE_POLICY, NOW, 'mentor')).toEqual([]);
  });

  it('REL-08 / CM-4: a medium sign whose alert was raised is overdue; without an alert it is due', () => {
    const risk = (alertedAt: Date | null) => ({
      mentorships: [],
      approvals: [],
      risks: [
        {
          id: 'r1',
          participantId: 'p1',
          mentorshipId: 'm1',
          severity: 'medium' as const,
          observedAt: NOW,
          referredAt: null,
          alertedAt,
        },
      ],
    });
    expect(needsAttention(risk(NOW), FIXTURE_POLICY, NOW, 'coordinator')[0]?.severity).toBe('overdue');
    expect(needsAttention(risk(null), FIXTURE_POLICY, NOW, 'coordinator')[0]?.severity).toBe('due');
  });
});
