/**
 * P1 · the mentorships of the Israeli social-mentorship program, told step by
 * step: trial reviews (MOH-4), a rematch (MOH-16), a hospitalization (MOH-15),
 * extensions (MOH-5), online meetings (MOH-7), closures (MOH-14), the cap (MOH-6).
 */
import { addDays, addMonths } from '@tandem/domain';
import type { Cast } from './demo-program';
import type { Story } from './demo-story';

export function stories(c: Cast): Story[] {
  const G = (title: string, ...domains: string[]) => ({ title, domains });
  const served = (key: string, mentor: string, startedOn: string) =>
    c.story(key).propose(addDays(startedOn, -7), c.mentor(mentor)).start(startedOn);
  const reviewed = (key: string, mentor: string, startedOn: string) =>
    served(key, mentor, startedOn).reviewTrial(addMonths(startedOn, 3), 'continue');

  const amir = reviewed('amir', 'yossi', c.monthsAgo(13));
  amir.plan(
    [
      G('Prepare for a job interview at the community centre', 'education_employment'),
      G('Join the Thursday football group', 'social_situations', 'community_leisure'),
    ],
    c.raterOf(amir),
  );

  const dana = served('dana', 'yossi', c.ago(25));
  dana.plan(
    [
      G('Keep a monthly household budget', 'personal_affairs'),
      G('Visit the neighbourhood community garden', 'community_leisure'),
    ],
    c.raterOf(dana),
  );

  // MOH-16: her first mentor left; the new one keeps the whole file. The new trial's review is overdue (MOH-4).
  const rivkaStart = c.monthsAgo(11);
  const rivka = reviewed('rivka', 'chana', rivkaStart)
    .changeMentor(c.monthsAgo(4), 'mentor_left', c.mentor('esther'))
    .start(addDays(c.monthsAgo(4), 9));
  rivka.plan(
    [
      G('Take medication on her own, with a weekly check', 'recovery'),
      G('File the disability allowance claim', 'rights_claims'),
    ],
    c.raterOf(rivka),
  );

  // MOH-15: in hospital for more than three months: suspended; renewal opens two weeks before discharge.
  const hospitalized = c.ago(100);
  const igor = reviewed('igor', 'yulia', c.monthsAgo(9))
    .hospitalization(addDays(hospitalized, 3), hospitalized, addDays(c.p.today, 10))
    .suspend(addMonths(hospitalized, 3), 'hospitalization');
  igor.plan(
    [
      G('Find a part-time job in a kitchen', 'education_employment'),
      G('Open a bank account', 'personal_affairs'),
    ],
    c.raterOf(igor),
  );

  // Contact has lapsed for more than two weeks (MOH-3 rhythm): the coordinator sees it.
  const lina = reviewed('lina', 'samira', c.monthsAgo(8)).silentSince(c.ago(17));
  lina.plan([G('Name and handle anger at home', 'emotion_management', 'family_conflicts')], c.raterOf(lina));

  const hassan = reviewed('hassan', 'samira', c.monthsAgo(16)).close(c.ago(60), 'goals_met');
  hassan.plan(
    [
      G('Win the appeal at National Insurance', 'rights_claims'),
      G('Start the forklift course', 'education_employment'),
    ],
    c.raterOf(hassan),
  );

  // MOH-5: the planned end is three weeks away; an extension waits for the Rehabilitation Committee.
  const menachemStart = addDays(c.monthsAgo(24), 21);
  const menachem = reviewed('menachem', 'moshe', menachemStart).requestExtension(
    c.ago(6),
    addMonths(menachemStart, 30),
    'The synagogue volunteering starts next month; continuity matters now.',
  );
  menachem.plan(
    [
      G('Volunteer weekly at the synagogue library', 'community_leisure', 'leisure_volunteering'),
      G('Talk with the doctor about the side effects', 'recovery'),
    ],
    c.raterOf(menachem),
  );

  // Matched and approved by the coordinator (MOH-1); the first meeting is still to come.
  const lior = c.story('lior').propose(c.ago(9), c.mentor('yulia'));
  lior.plan([G('Finish the Hebrew-language CV', 'education_employment')], c.raterOf(lior));

  // MOH-6: three years in all, the longest a person may have; an extension was approved on the way.
  const eitanStart = addDays(c.monthsAgo(37), 3);
  const eitan = reviewed('eitan', 'yulia', eitanStart)
    .extend(
      addMonths(eitanStart, 23),
      addDays(addMonths(eitanStart, 23), 12),
      addDays(addMonths(eitanStart, 36), -1),
      'Still rebuilding a daily routine after the move.',
      'Approved by the Rehabilitation Committee, meeting 41.',
    )
    .close(addDays(addMonths(eitanStart, 36), -1), 'max_duration');
  eitan.plan(
    [
      G('Keep a weekly routine of shopping and cooking', 'personal_affairs'),
      G('Volunteer at the food bank', 'leisure_volunteering'),
    ],
    c.raterOf(eitan),
  );

  // MOH-4: the trial showed a mismatch; she waits for a new mentor (MOH-16).
  const nadia = c
    .story('nadia')
    .propose(c.ago(75), c.mentor('fadi'))
    .start(c.ago(68))
    .reviewTrial(c.ago(36), 'change_mentor');
  nadia.plan([G('Speak up in a group without panic', 'social_situations')], c.raterOf(nadia));

  // MOH-5: an extension approved by the committee moved the planned end.
  const omarStart = c.monthsAgo(26);
  const omar = reviewed('omar', 'fadi', omarStart).extend(
    addDays(addMonths(omarStart, 22), 5),
    addDays(addMonths(omarStart, 22), 19),
    addDays(addMonths(omarStart, 30), -1),
    'The vocational course ends in the spring; he asked to keep his mentor until then.',
    'Approved by the Rehabilitation Committee, meeting 57.',
  );
  omar.plan(
    [
      G('Complete the vocational electricity course', 'education_employment'),
      G('Claim the rent assistance', 'rights_claims'),
    ],
    c.raterOf(omar),
  );

  // MOH-7: meeting online; going on past three months waits for the District Coordinator.
  const noam = reviewed('noam', 'orly', c.monthsAgo(6))
    .switchMode(c.ago(80), 'virtual')
    .requestVirtualContinuation(
      c.ago(5),
      addMonths(c.p.today, 3),
      'He moved to Be’er Sheva for work; meeting by video keeps the routine.',
    );
  noam.plan(
    [G('Take part in a weekly online study group', 'communication_skills', 'social_networks')],
    c.raterOf(noam),
  );

  // MOH-7: virtual continuation approved.
  const mayaStart = c.monthsAgo(9);
  const maya = reviewed('maya', 'orly', mayaStart)
    .switchMode(addDays(addMonths(mayaStart, 3), 4), 'virtual')
    .continueVirtually(
      addDays(addMonths(mayaStart, 6), -12),
      addDays(addMonths(mayaStart, 6), -5),
      addMonths(c.p.today, 2),
      'No mentor in Eilat; the video meetings work well.',
      'Approved by the District Coordinator until a local mentor is found.',
    );
  maya.plan(
    [
      G('Apply to the hotel-management course', 'education_employment'),
      G('Keep a mood diary', 'emotion_management'),
    ],
    c.raterOf(maya),
  );

  // MOH-14: she ended the service herself.
  const ronit = reviewed('ronit', 'orly', c.monthsAgo(11)).close(c.monthsAgo(4), 'participant_choice');
  ronit.plan([G('Rebuild contact with her sister', 'relationships')], c.raterOf(ronit));

  // The past year's newcomers, most of them around Haifa; a few are still in their trial (MOH-4).
  const joined = (
    key: string,
    mentor: string,
    startedOn: string,
    goals: [string, ...string[]][],
    trial = false,
  ) => {
    const story = trial ? served(key, mentor, startedOn) : reviewed(key, mentor, startedOn);
    return story.plan(
      goals.map(([title, ...domains]) => G(title, ...domains)),
      c.raterOf(story),
    );
  };
  const newcomers = [
    joined('vladimir', 'boris', c.monthsAgo(12), [
      ['Sort out the arnona discount', 'personal_affairs'],
      ['Join the chess club at the matnas', 'community_leisure'],
    ]),
    joined('anna', 'shira', c.monthsAgo(10), [['Call one friend every week', 'social_networks']]),
    joined('maryam', 'rania', c.monthsAgo(9), [
      ['Say what she needs at family gatherings', 'social_situations', 'family_conflicts'],
    ]),
    joined('shlomi', 'boris', c.monthsAgo(8), [['Go to the Tuesday music evening', 'community_leisure']]),
    joined('keren', 'shira', c.monthsAgo(7), [
      ['Notice and name what she feels', 'emotion_management'],
      ['Order at a café on her own', 'social_situations'],
    ]),
    joined('yasmin', 'rania', c.monthsAgo(6), [
      ['Apply to the graphic-design course', 'education_employment'],
    ]),
    joined('yehuda', 'moshe', c.monthsAgo(6), [
      ['Keep the daily learning seder', 'recovery', 'community_leisure'],
    ]),
    joined('rami', 'eyal', c.monthsAgo(5), [['Get a job interview at the port', 'education_employment']]),
    joined('itzik', 'orly', c.monthsAgo(5), [
      ['Speak up at the weekly house meeting', 'communication_skills'],
    ]),
    joined('natan', 'eyal', c.monthsAgo(4), [
      ['Meet the neighbours at the Friday market', 'social_networks'],
    ]),
    joined('moran', 'boris', c.monthsAgo(4), [
      ['Keep a weekly shopping list and budget', 'personal_affairs'],
    ]),
    joined('sami', 'rania', c.ago(70), [['Claim the unemployment benefit', 'rights_claims']], true),
    joined(
      'ofir',
      'shira',
      c.ago(50),
      [['Say hello first in the study group', 'communication_skills']],
      true,
    ),
    joined(
      'devorah',
      'esther',
      c.ago(40),
      [['Plan one outing a week with her sister', 'relationships']],
      true,
    ),
  ];

  return [
    amir,
    dana,
    rivka,
    igor,
    lina,
    hassan,
    menachem,
    lior,
    eitan,
    nadia,
    omar,
    noam,
    maya,
    ronit,
    ...newcomers,
  ];
}
