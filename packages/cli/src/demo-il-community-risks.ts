/**
 * P2 · CM-4: the mentors are gatekeepers. A high sign of risk — a teenager
 * evacuated from the north talking of not wanting to go on — alerted the
 * coordinator at once; the coordinator spoke with the mentor and the family,
 * made a safety plan and referred her to the adolescent clinic, which took her
 * on. A low sign — a service user no one could reach — was closed once he was found.
 */
import type { Cast } from './demo-program';
import { writeRisk } from './demo-risks';

export function communityRisks(c: Cast) {
  writeRisk(c.p, {
    story: c.storyOf('yarden'),
    ago: 9,
    hour: 17,
    indicators: ['self_harm_or_suicide_talk', 'severe_deterioration'],
    severity: 'high',
    description:
      'Said she does not see the point of going on since the family had to leave home; has stopped going to school.',
    actions: [
      {
        after: 0,
        kind: 'spoke_with_mentor',
        note: 'Itai called right after the meeting; went over what she said.',
      },
      {
        after: 1,
        kind: 'contacted_family',
        note: 'Spoke with her mother: she is not left alone this week, the medicines are locked away.',
      },
      {
        after: 1,
        kind: 'safety_plan',
        note: 'Safety plan with Yarden and her mother; the crisis line number is on her phone.',
      },
    ],
    referral: {
      after: 1,
      service: 'mental_health_service',
      serviceName: 'Child and adolescent mental health clinic, Tiberias',
      status: 'accepted',
      movedAfter: 3,
      outcome: 'Intake held; weekly therapy starts next week.',
    },
  });
  writeRisk(c.p, {
    story: c.storyOf('amir'),
    ago: 40,
    hour: 19,
    indicators: ['not_reachable'],
    severity: 'low',
    description: 'No answer to calls or messages for ten days; missed two meetings.',
    actions: [
      {
        after: 2,
        kind: 'spoke_with_participant',
        note: 'Found him at the community centre: his phone had been cut off. He is well.',
      },
    ],
    closedAfter: 2,
  });
}
