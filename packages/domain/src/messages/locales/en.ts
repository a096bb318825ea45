import type { Catalog } from '../catalog';

export const en: Catalog = {
  prefix: {
    program: 'Not allowed by program rule {ruleId}: ',
    platform: 'Not possible (rule {ruleId}): ',
  },
  generic: 'this action is not allowed.',
  refusals: {
    plan_missing: 'a plan with at least {minGoals|goals} is needed before the mentorship starts.',
    plan_too_few_goals:
      'the plan needs at least {minGoals|goals} before the mentorship starts; it has {goals|goals}.',
    plan_required_domain_missing: 'the plan needs a goal in the domain “{domain}”.',
    unknown_support_domain: '“{domain}” is not one of the program’s support domains.',
    progress_rating_out_of_range:
      'a progress rating is a whole number from {min|number} to {max|number}; {rating|number} was given.',
    date_invalid: '“{date}” is not a valid date.',
    contact_mode_not_offered: 'this program does not log contacts of the kind “{mode|label}”.',
    contact_duration_invalid:
      'the duration must be at most {max|minutes}, and more than 0 for a contact that reached the participant.',
    contact_wellbeing_out_of_range: 'wellbeing is rated from {min|number} to {max|number}.',
    accompaniment_type_not_offered: 'this program does not record accompaniment of the type “{type|label}”.',
    weekly_hours_cap_exceeded:
      'the week starting {weekStart|date} already has {usedHours|hours} of visits and this contact adds {addedHours|hours}; the weekly cap is {capHours|hours}. Going over it needs a recorded reason.',
    weekly_visits_cap_exceeded:
      'the week starting {weekStart|date} already has {visits|visits}; the weekly cap is {capVisits|visits}. Going over it needs a recorded reason.',
    weekly_virtual_cap_exceeded:
      'the week starting {weekStart|date} already has {usedHours|hours} of virtual meetings and this contact adds {addedHours|hours}; the weekly cap for virtual meetings is {capHours|hours}. Going over it needs a recorded reason.',
    approval_kind_not_in_program: 'this program has no approval for “{kind|label}”.',
    approval_role_not_allowed:
      'a {role|label} cannot decide on “{kind|label}”; the {allowedRole|label} decides.',
    approval_already_decided: 'this request has already been decided ({status|label}).',
    approval_reason_required: 'a reason must be recorded.',
    approval_already_pending: 'a request for “{kind|label}” is already waiting for a decision.',
    action_not_available:
      '“{action|label}” is not possible while the mentorship is in the state “{state|label}”.',
    participant_has_open_mentorship:
      'the participant already has an open mentorship (state “{state|label}”); give it a new mentor instead of opening a second one.',
    match_missing: 'a mentor must be matched first.',
    match_not_approved: 'the match must first be approved by the {approverRole|label}.',
    consent_missing: 'the participant’s documented consent to having a mentor is needed first.',
    mentor_birth_date_missing:
      'the mentor’s date of birth is needed to check the minimum age of {minAge|number}.',
    mentor_too_young: 'the mentor is {age|number}; mentors must be at least {minAge|number} years old.',
    participant_birth_date_missing:
      'the participant’s date of birth is needed to check the minimum age of {minAge|number}.',
    participant_too_young:
      'the participant is {age|number}; participants must be at least {minAge|number} years old.',
    mentor_training_incomplete: 'the mentor must complete the program’s training before a first match.',
    mentor_training_hours_short:
      'the mentor has completed {hours|hours} of training; {requiredHours|hours} are required before a first match.',
    mentor_inactive: 'the mentor is not active in the program.',
    no_shared_language: 'the mentor and the participant share no language.',
    mentor_at_capacity: 'the mentor already has {capacity|participants}, their full capacity.',
    mentor_over_capacity:
      'the mentor holds {activeMentees|participants}, more than their capacity of {capacity|number}.',
    mentor_is_family: 'a family member of the participant cannot be their mentor.',
    total_duration_cap_reached:
      'a person may receive at most {maxMonths|months} of mentorship in total; the last day allowed is {lastAllowedDay|date}.',
    contact_in_future: 'a contact cannot be logged for a future time ({date|date}).',
    rhythm_set_by_program:
      'this program sets the contact rhythm itself; a mentor and participant cannot agree a different one.',
    briefing_not_acknowledged:
      'the mentor must confirm the briefing on the project’s aim before the first contact.',
    planned_end_passed:
      'the mentorship was planned to end on {plannedEndOn|date}; continuing needs an approved extension.',
    hospitalization_suspension_required:
      'because of the long hospitalization the service is suspended from {suspendFrom|date}; suspend the mentorship first.',
    virtual_continuation_required:
      'virtual mentoring from {horizonOn|date} on needs the approval of the {approverRole|label}.',
    trial_not_in_program: 'this program has no trial period.',
    trial_already_reviewed: 'the trial period was already reviewed on {reviewedOn|date}.',
    extension_not_in_program: 'this program has no planned duration to extend.',
    extension_not_later:
      'the new end date ({until|date}) must be after the planned end ({plannedEndOn|date}).',
    extension_beyond_total_cap:
      'the new end date ({until|date}) goes beyond the total of {maxMonths|months}; the last day allowed is {lastAllowedDay|date}.',
    approval_not_approved: 'the request has not been approved (status: {status|label}).',
    approval_for_other_mentorship: 'this approval belongs to another mentorship.',
    approval_wrong_kind: 'this approval is for “{kind|label}”, not for this action.',
    virtual_not_in_program: 'this program has no virtual mentoring.',
    mode_unchanged: 'the mentorship is already “{mode|label}”.',
    not_virtual: 'the mentorship is not virtual.',
    virtual_continuation_before_horizon:
      'no approval is needed before {horizonOn|date}; a continuation must run to that day or later.',
    hospitalization_not_in_program: 'this program has no hospitalization rule.',
    hospitalization_dates_invalid:
      'the discharge date cannot be before the admission date ({startedOn|date}).',
    hospitalization_not_recorded: 'record the hospitalization before suspending the mentorship for it.',
    renewal_not_open: 'renewal after the hospitalization is possible from {renewalOpensOn|date}.',
    discharge_date_unknown:
      'renewal opens shortly before discharge; record the expected discharge date first.',
    closure_note_required: 'closing for the reason “{reason|label}” needs a note.',
    no_current_mentor: 'the mentorship has no current mentor.',
    groups_not_in_program: 'this program has no groups.',
    group_not_a_member: 'this participant is not a member of the group (never enrolled, or already left).',
    group_full: 'the group is full (at most {maxParticipants|participants}).',
    group_already_member: 'the participant is already in this group.',
    group_once_per_service_period:
      'a participant may join one group per service period; this participant joined one on {enrolledOn|date}.',
    group_too_small:
      'a group needs at least {minParticipants|participants} to start; it has {members|participants}.',
    group_meetings_out_of_range:
      'a group program has {minMeetings|number} to {maxMeetings|number} meetings; planned: {meetings|meetings}.',
    group_meeting_limit_reached: 'the group already has the maximum of {maxMeetings|meetings}.',
    group_closed: 'the group is closed.',
    group_not_running: 'attendance is taken once the group has started and until it closes.',
    group_no_service_period: 'the participant has no open service period, so they cannot join a group.',
    group_attendance_not_enrolled: 'attendance can only be recorded for members of the group.',
    group_meeting_cancelled: 'this meeting was cancelled.',
    group_status_not_allowed: 'the group cannot change to that status now.',
    check_in_exists_today: 'there is already a check-in for today; change that one instead.',
    check_in_day_closed: 'a check-in can only be changed on its own day ({day|date}).',
    referral_status_final: 'this referral already has its outcome, which is final.',
    referral_transition_not_allowed: 'a referral moves forward to its outcome; this change is not possible.',
    risk_observation_closed: 'this risk observation is closed.',
  },
  attention: {
    trial_review: 'Trial review due by {dueOn|date}.',
    planned_end: 'The mentorship is planned to end on {plannedEndOn|date} ({daysLeft|days} left).',
    total_cap:
      'The total of {maxMonths|months} of mentorship runs out on {lastAllowedDay|date} ({daysLeft|days} left).',
    weekly_cap_exceeded:
      'The week starting {weekStart|date} went over the weekly cap: {hours|hours} in {visits|visits}.',
    weekly_virtual_cap_exceeded:
      'The week starting {weekStart|date} went over the weekly cap for virtual meetings: {virtualHours|hours}.',
    virtual_continuation:
      'Virtual mentoring is covered until {lastDay|date}; continuing needs the approval of the {approverRole|label}.',
    contact_lapsed: 'No reached contact in the rhythm the program or the pair set, since {since|date}.',
    daily_check_in_missed: 'Daily check-in missing since {since|date}.',
    hospitalization_suspension:
      'Hospitalized since {hospitalizedSince|date}: the service must be suspended from {suspendFrom|date}.',
    renewal_window: 'Renewal after the hospitalization is possible from {renewalOpensOn|date}.',
    awaiting_mentor: 'Waiting for a mentor since {since|date} ({days|days}).',
    approval_pending:
      'A request for “{approvalKind|label}” from {requestedOn|date} is waiting for a decision.',
    risk_referral:
      'A sign of risk ({severity|label}) observed on {observedOn|date} has not been referred yet.',
    wellbeing_drop:
      'Wellbeing in the daily check-ins fell from {baselineAverage|number} to {recentAverage|number} on average since {since|date}.',
    wellbeing_low:
      'The lowest wellbeing score in the daily check-in on consecutive days, from {since|date} to {lastDay|date}.',
  },
  units: {
    hours: { one: '# hour', other: '# hours' },
    minutes: { one: '# minute', other: '# minutes' },
    visits: { one: '# visit', other: '# visits' },
    days: { one: '# day', other: '# days' },
    months: { one: '# month', other: '# months' },
    years: { one: '# year', other: '# years' },
    goals: { one: '# goal', other: '# goals' },
    meetings: { one: '# meeting', other: '# meetings' },
    participants: { one: '# participant', other: '# participants' },
  },
  labels: {
    admin: 'administrator',
    coordinator: 'coordinator',
    mentor: 'mentor',
    committee: 'committee',
    evaluator: 'evaluator',
    participant: 'participant',
    in_person: 'in person',
    video: 'video',
    phone: 'phone',
    messenger: 'messenger',
    email: 'email',
    virtual: 'virtual',
    authority_meeting: 'meeting with an authority',
    letters: 'letters',
    doctor: 'doctor',
    psychologist: 'psychologist',
    physiotherapist: 'physiotherapist',
    other: 'other',
    extension: 'extension',
    virtual_continuation: 'continuing virtual mentoring',
    cap_override: 'going over the weekly cap',
    pending: 'pending',
    approved: 'approved',
    refused: 'refused',
    awaiting_match: 'awaiting a match',
    trial: 'trial period',
    active: 'active',
    suspended: 'suspended',
    closed: 'closed',
    start: 'start the mentorship',
    record_contact: 'log a contact',
    review_trial: 'review the trial period',
    switch_mode: 'change between in person and virtual',
    request_extension: 'request an extension',
    request_virtual_continuation: 'request to continue virtually',
    record_hospitalization: 'record a hospitalization',
    suspend: 'suspend',
    resume: 'resume',
    change_mentor: 'change the mentor',
    close: 'close',
    propose: 'match proposed',
    match: 'mentor proposed',
    agree_rhythm: 'contact rhythm agreed',
    extension_approved: 'extension approved',
    virtual_continuation_approved: 'continuing virtually approved',
    participant_choice: 'the participant’s choice',
    goals_met: 'goals met',
    max_duration: 'maximum duration reached',
    mismatch: 'not a good match',
    mentor_left: 'the mentor left',
    low: 'low',
    medium: 'medium',
    high: 'high',
    immediate: 'immediate',
  },
  riskAlertEmail: {
    subject: 'Tandem: a sign of risk needs your attention now',
    body: 'A sign of risk ({severity|label}) was recorded on {observedOn|date} in {organisation} and needs your attention now. Sign in to Tandem and open “Needs attention”. To protect the person’s privacy, this e-mail contains no details.',
  },
};
