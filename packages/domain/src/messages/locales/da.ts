import type { Catalog } from '../catalog';

export const da: Catalog = {
  prefix: {
    program: 'Ikke tilladt efter programregel {ruleId}: ',
    platform: 'Ikke muligt (regel {ruleId}): ',
  },
  generic: 'handlingen er ikke tilladt.',
  refusals: {
    plan_missing: 'der skal være en plan med mindst {minGoals|goals}, før forløbet starter.',
    plan_too_few_goals:
      'planen skal have mindst {minGoals|goals}, før forløbet starter; den har {goals|goals}.',
    plan_required_domain_missing: 'planen skal have et mål inden for området »{domain}«.',
    unknown_support_domain: '»{domain}« er ikke et af programmets støtteområder.',
    progress_rating_out_of_range:
      'en vurdering af fremskridt er et helt tal fra {min|number} til {max|number}; der blev angivet {rating|number}.',
    date_invalid: '»{date}« er ikke en gyldig dato.',
    contact_mode_not_offered: 'programmet registrerer ikke kontakter af typen »{mode|label}«.',
    contact_duration_invalid:
      'varigheden må højst være {max|minutes} og skal være over 0, når deltageren blev truffet.',
    contact_wellbeing_out_of_range: 'trivsel vurderes fra {min|number} til {max|number}.',
    accompaniment_type_not_offered: 'programmet registrerer ikke ledsagelse af typen »{type|label}«.',
    weekly_hours_cap_exceeded:
      'ugen, der begynder {weekStart|date}, har allerede {usedHours|hours} med besøg, og denne kontakt lægger {addedHours|hours} til; ugeloftet er {capHours|hours}. En overskridelse kræver en registreret begrundelse.',
    weekly_visits_cap_exceeded:
      'ugen, der begynder {weekStart|date}, har allerede {visits|visits}; ugeloftet er {capVisits|visits}. En overskridelse kræver en registreret begrundelse.',
    weekly_virtual_cap_exceeded:
      'ugen, der begynder {weekStart|date}, har allerede {usedHours|hours} med virtuelle møder, og denne kontakt lægger {addedHours|hours} til; ugeloftet for virtuelle møder er {capHours|hours}. En overskridelse kræver en registreret begrundelse.',
    approval_kind_not_in_program: 'programmet har ingen godkendelse af typen »{kind|label}«.',
    approval_role_not_allowed:
      'rollen »{role|label}« kan ikke træffe afgørelse om »{kind|label}«; det gør rollen »{allowedRole|label}«.',
    approval_already_decided: 'der er allerede truffet afgørelse om denne anmodning ({status|label}).',
    approval_reason_required: 'der skal registreres en begrundelse.',
    approval_already_pending: 'en anmodning om »{kind|label}« afventer allerede afgørelse.',
    action_not_available: '»{action|label}« er ikke muligt, mens forløbet har status »{state|label}«.',
    participant_has_open_mentorship:
      'deltageren har allerede et åbent forløb (status »{state|label}«); giv det en ny mentor i stedet for at åbne et forløb mere.',
    match_missing: 'der skal først matches en mentor.',
    match_not_approved: 'matchet skal først godkendes af rollen »{approverRole|label}«.',
    consent_missing: 'deltagerens dokumenterede samtykke til at få en mentor skal foreligge først.',
    mentor_birth_date_missing:
      'mentorens fødselsdato skal bruges til at kontrollere minimumsalderen på {minAge|number} år.',
    mentor_too_young: 'mentoren er {age|number} år; en mentor skal være mindst {minAge|number} år.',
    participant_birth_date_missing:
      'deltagerens fødselsdato skal bruges til at kontrollere minimumsalderen på {minAge|number} år.',
    participant_too_young: 'deltageren er {age|number} år; deltagere skal være mindst {minAge|number} år.',
    mentor_training_incomplete: 'mentoren skal have gennemført programmets uddannelse før det første match.',
    mentor_training_hours_short:
      'mentoren har gennemført {hours|hours} uddannelse; der kræves {requiredHours|hours} før det første match.',
    mentor_inactive: 'mentoren er ikke aktiv i programmet.',
    no_shared_language: 'mentoren og deltageren har intet fælles sprog.',
    mentor_at_capacity: 'mentoren har allerede {capacity|participants}, som er det fulde antal.',
    mentor_over_capacity:
      'mentoren har {activeMentees|participants}, flere end sin kapacitet på {capacity|number}.',
    mentor_is_family: 'et familiemedlem til deltageren kan ikke være deltagerens mentor.',
    total_duration_cap_reached:
      'en person kan højst få {maxMonths|months} mentorstøtte i alt; sidste tilladte dag er {lastAllowedDay|date}.',
    contact_in_future: 'en kontakt kan ikke registreres på et fremtidigt tidspunkt ({date|date}).',
    rhythm_set_by_program:
      'i dette program fastlægger programmet selv kontaktrytmen; mentor og borger kan ikke aftale en anden.',
    briefing_not_acknowledged:
      'mentoren skal bekræfte at have fået information om projektets formål før den første kontakt.',
    planned_end_passed:
      'forløbet var planlagt til at slutte {plannedEndOn|date}; det kræver en godkendt forlængelse at fortsætte.',
    hospitalization_suspension_required:
      'på grund af den lange indlæggelse sættes forløbet på pause fra {suspendFrom|date}; sæt forløbet på pause først.',
    virtual_continuation_required:
      'et virtuelt forløb fra {horizonOn|date} kræver godkendelse fra rollen »{approverRole|label}«.',
    trial_not_in_program: 'programmet har ingen prøveperiode.',
    trial_already_reviewed: 'prøveperioden blev allerede evalueret {reviewedOn|date}.',
    extension_not_in_program: 'programmet har ingen planlagt varighed, der kan forlænges.',
    extension_not_later:
      'den nye slutdato ({until|date}) skal ligge efter den planlagte slutdato ({plannedEndOn|date}).',
    extension_beyond_total_cap:
      'den nye slutdato ({until|date}) rækker ud over det samlede loft på {maxMonths|months}; sidste tilladte dag er {lastAllowedDay|date}.',
    approval_not_approved: 'anmodningen er ikke godkendt (status: {status|label}).',
    approval_for_other_mentorship: 'godkendelsen hører til et andet forløb.',
    approval_wrong_kind: 'godkendelsen gælder »{kind|label}«, ikke denne handling.',
    virtual_not_in_program: 'programmet har ikke virtuelle forløb.',
    mode_unchanged: 'forløbets form er allerede »{mode|label}«.',
    not_virtual: 'forløbet er ikke virtuelt.',
    virtual_continuation_before_horizon:
      'der kræves ingen godkendelse før {horizonOn|date}; en fortsættelse skal vare mindst til den dag.',
    hospitalization_not_in_program: 'programmet har ingen regel om indlæggelse.',
    hospitalization_dates_invalid:
      'udskrivningsdatoen kan ikke ligge før indlæggelsesdatoen ({startedOn|date}).',
    hospitalization_not_recorded: 'registrér indlæggelsen, før forløbet sættes på pause på grund af den.',
    renewal_not_open: 'forløbet kan genoptages efter indlæggelsen fra {renewalOpensOn|date}.',
    discharge_date_unknown:
      'genoptagelse bliver mulig kort før udskrivning; registrér først den forventede udskrivningsdato.',
    closure_note_required: 'afslutning med årsagen »{reason|label}« kræver en note.',
    no_current_mentor: 'forløbet har ingen aktuel mentor.',
    groups_not_in_program: 'programmet har ingen grupper.',
    group_not_a_member: 'deltageren er ikke medlem af gruppen (aldrig tilmeldt eller allerede udmeldt).',
    group_full: 'gruppen er fuld (højst {maxParticipants|participants}).',
    group_already_member: 'deltageren er allerede med i gruppen.',
    group_once_per_service_period:
      'en deltager kan være med i én gruppe pr. forløbsperiode; denne deltager kom med i en gruppe {enrolledOn|date}.',
    group_too_small:
      'en gruppe skal have mindst {minParticipants|participants} for at starte; den har {members|participants}.',
    group_meetings_out_of_range:
      'et gruppeforløb har {minMeetings|number} til {maxMeetings|number} møder; planlagt: {meetings|meetings}.',
    group_meeting_limit_reached: 'gruppen har allerede det maksimale antal møder ({maxMeetings|meetings}).',
    group_closed: 'gruppen er afsluttet.',
    group_not_running: 'fremmøde registreres først, når gruppen er startet, og indtil den afsluttes.',
    group_no_service_period: 'deltageren har ingen åben forløbsperiode og kan derfor ikke komme i en gruppe.',
    group_attendance_not_enrolled: 'fremmøde kan kun registreres for gruppens medlemmer.',
    group_meeting_cancelled: 'dette møde er aflyst.',
    group_status_not_allowed: 'gruppen kan ikke skifte til den status nu.',
    check_in_exists_today: 'der er allerede et tjek-ind i dag; ret det i stedet.',
    check_in_day_closed: 'et tjek-ind kan kun rettes samme dag ({day|date}).',
    referral_status_final: 'denne henvisning har allerede et endeligt udfald.',
    referral_transition_not_allowed: 'en henvisning går frem mod sit udfald; denne ændring er ikke mulig.',
    risk_observation_closed: 'denne risikoobservation er lukket.',
  },
  attention: {
    trial_review: 'Prøveperioden skal evalueres senest {dueOn|date}.',
    planned_end: 'Forløbet er planlagt til at slutte {plannedEndOn|date} ({daysLeft|days} tilbage).',
    total_cap:
      'Det samlede loft på {maxMonths|months} mentorstøtte udløber {lastAllowedDay|date} ({daysLeft|days} tilbage).',
    weekly_cap_exceeded:
      'Ugen, der begyndte {weekStart|date}, gik over ugeloftet: {hours|hours} fordelt på {visits|visits}.',
    weekly_virtual_cap_exceeded:
      'Ugen, der begyndte {weekStart|date}, gik over ugeloftet for virtuelle møder: {virtualHours|hours}.',
    virtual_continuation:
      'Det virtuelle forløb er godkendt til og med {lastDay|date}; fortsættelse kræver godkendelse fra rollen »{approverRole|label}«.',
    contact_lapsed: 'Kontakten har ikke fulgt programmets eller den aftalte rytme siden {since|date}.',
    daily_check_in_missed: 'Den daglige kontakt mangler siden {since|date}.',
    hospitalization_suspension:
      'Indlagt siden {hospitalizedSince|date}: forløbet skal sættes på pause fra {suspendFrom|date}.',
    renewal_window: 'Forløbet kan genoptages efter indlæggelsen fra {renewalOpensOn|date}.',
    awaiting_mentor: 'Har ventet på en mentor siden {since|date} ({days|days}).',
    approval_pending: 'En anmodning om »{approvalKind|label}« fra {requestedOn|date} afventer afgørelse.',
    risk_referral:
      'Et risikotegn (alvor: {severity|label}) observeret {observedOn|date} er endnu ikke henvist videre.',
    wellbeing_drop:
      'Trivslen i de daglige tjek-ind er faldet fra {baselineAverage|number} til {recentAverage|number} i gennemsnit siden {since|date}.',
    wellbeing_low:
      'Laveste trivsel i det daglige tjek-ind flere dage i træk, fra {since|date} til {lastDay|date}.',
  },
  units: {
    hours: { one: '# time', other: '# timer' },
    minutes: { one: '# minut', other: '# minutter' },
    visits: { one: '# besøg', other: '# besøg' },
    days: { one: '# dag', other: '# dage' },
    months: { one: '# måned', other: '# måneder' },
    years: { one: '# år', other: '# år' },
    goals: { one: '# mål', other: '# mål' },
    meetings: { one: '# møde', other: '# møder' },
    participants: { one: '# deltager', other: '# deltagere' },
  },
  labels: {
    admin: 'administrator',
    coordinator: 'koordinator',
    mentor: 'mentor',
    committee: 'udvalg',
    evaluator: 'evaluator',
    participant: 'deltager',
    in_person: 'fysisk møde',
    video: 'video',
    phone: 'telefon',
    messenger: 'beskedtjeneste',
    email: 'e-mail',
    virtual: 'virtuelt',
    authority_meeting: 'møde med en myndighed',
    letters: 'breve',
    doctor: 'læge',
    psychologist: 'psykolog',
    physiotherapist: 'fysioterapeut',
    other: 'andet',
    extension: 'forlængelse',
    virtual_continuation: 'fortsat virtuelt forløb',
    cap_override: 'overskridelse af ugeloftet',
    pending: 'afventer',
    approved: 'godkendt',
    refused: 'afvist',
    awaiting_match: 'afventer match',
    trial: 'prøveperiode',
    active: 'aktiv',
    suspended: 'sat på pause',
    closed: 'afsluttet',
    start: 'start forløbet',
    record_contact: 'registrér en kontakt',
    review_trial: 'evaluér prøveperioden',
    switch_mode: 'skift mellem fysisk og virtuelt',
    request_extension: 'anmod om forlængelse',
    request_virtual_continuation: 'anmod om fortsat virtuelt forløb',
    record_hospitalization: 'registrér en indlæggelse',
    suspend: 'sæt på pause',
    resume: 'genoptag',
    change_mentor: 'skift mentor',
    close: 'afslut',
    propose: 'match foreslået',
    match: 'mentor foreslået',
    agree_rhythm: 'kontaktrytme aftalt',
    extension_approved: 'forlængelse godkendt',
    virtual_continuation_approved: 'fortsat virtuelt forløb godkendt',
    participant_choice: 'deltagerens eget valg',
    goals_met: 'målene er nået',
    max_duration: 'maksimal varighed nået',
    mismatch: 'manglende match',
    mentor_left: 'mentoren er stoppet',
    low: 'lav',
    medium: 'middel',
    high: 'høj',
    immediate: 'akut',
  },
  riskAlertEmail: {
    subject: 'Tandem: et risikotegn kræver din opmærksomhed nu',
    body: 'Et risikotegn (alvor: {severity|label}) blev registreret {observedOn|date} i {organisation} og kræver din opmærksomhed nu. Log ind i Tandem, og åbn „Kræver opmærksomhed“. Af hensyn til personens privatliv indeholder denne e-mail ingen detaljer.',
  },
};
