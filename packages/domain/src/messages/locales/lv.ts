import type { Catalog } from '../catalog';

export const lv: Catalog = {
  prefix: {
    program: 'Nav atļauts saskaņā ar programmas noteikumu {ruleId}: ',
    platform: 'Nav iespējams (noteikums {ruleId}): ',
  },
  generic: 'šī darbība nav atļauta.',
  refusals: {
    plan_missing:
      'pirms mentorēšanas sākuma vajadzīgs plāns; nepieciešamais mērķu skaits: vismaz {minGoals|number}.',
    plan_too_few_goals:
      'mērķu skaits plānā: {goals|number}; pirms mentorēšanas sākuma nepieciešamais minimums: {minGoals|number}.',
    plan_required_domain_missing: 'plānā jābūt mērķim jomā “{domain}”.',
    unknown_support_domain: '“{domain}” nav programmas atbalsta joma.',
    progress_rating_out_of_range:
      'progresa vērtējums ir vesels skaitlis no {min|number} līdz {max|number}; norādīts: {rating|number}.',
    date_invalid: '“{date}” nav derīgs datums.',
    contact_mode_not_offered: 'šajā programmā netiek reģistrēti kontakti veidā “{mode|label}”.',
    contact_duration_invalid:
      'ilgums nedrīkst pārsniegt {max|minutes}, un tam jābūt lielākam par 0, ja ar dalībnieku izdevās sazināties.',
    contact_wellbeing_out_of_range: 'pašsajūtu vērtē no {min|number} līdz {max|number}.',
    accompaniment_type_not_offered: 'šajā programmā netiek reģistrēta pavadīšana veidā “{type|label}”.',
    weekly_hours_cap_exceeded:
      'nedēļā, kas sākas {weekStart|date}, apmeklējumu ilgums jau ir {usedHours|hours}, šis kontakts — {addedHours|hours}; nedēļas limits: {capHours|hours}. Lai to pārsniegtu, jāreģistrē pamatojums.',
    weekly_visits_cap_exceeded:
      'nedēļā, kas sākas {weekStart|date}, apmeklējumu skaits jau ir {visits|number}; nedēļas limits: {capVisits|visits}. Lai to pārsniegtu, jāreģistrē pamatojums.',
    weekly_virtual_cap_exceeded:
      'nedēļā, kas sākas {weekStart|date}, attālināto tikšanos ilgums jau ir {usedHours|hours}, šis kontakts — {addedHours|hours}; attālināto tikšanos nedēļas limits: {capHours|hours}. Lai to pārsniegtu, jāreģistrē pamatojums.',
    approval_kind_not_in_program: 'šajā programmā nav apstiprinājuma veida “{kind|label}”.',
    approval_role_not_allowed:
      'lomai “{role|label}” nav tiesību lemt par “{kind|label}”; lēmumu pieņem: {allowedRole|label}.',
    approval_already_decided: 'par šo pieprasījumu jau ir pieņemts lēmums ({status|label}).',
    approval_reason_required: 'jānorāda pamatojums.',
    approval_already_pending: 'pieprasījums “{kind|label}” jau gaida lēmumu.',
    action_not_available:
      'darbība “{action|label}” nav iespējama, kamēr mentorēšanas statuss ir “{state|label}”.',
    participant_has_open_mentorship:
      'dalībniekam jau ir atvērta mentorēšana (statuss “{state|label}”); piesaistiet tai jaunu mentoru, nevis atveriet otru.',
    match_missing: 'vispirms jāpiesaista mentors.',
    match_not_approved: 'vispirms jāapstiprina mentora piesaiste (apstiprina: {approverRole|label}).',
    consent_missing: 'vispirms vajadzīga dokumentēta dalībnieka piekrišana mentora piesaistei.',
    mentor_birth_date_missing:
      'lai pārbaudītu minimālo vecumu ({minAge|number}), vajadzīgs mentora dzimšanas datums.',
    mentor_too_young: 'mentora vecums: {age|number}; minimālais mentora vecums: {minAge|number}.',
    participant_birth_date_missing:
      'lai pārbaudītu minimālo vecumu ({minAge|number}), vajadzīgs dalībnieka dzimšanas datums.',
    participant_too_young: 'dalībnieka vecums: {age|number}; minimālais dalībnieka vecums: {minAge|number}.',
    mentor_training_incomplete: 'pirms pirmās piesaistes mentoram jāpabeidz programmas apmācība.',
    mentor_training_hours_short:
      'mentora pabeigtās apmācības apjoms: {hours|hours}; pirms pirmās piesaistes nepieciešams: {requiredHours|hours}.',
    mentor_inactive: 'mentors programmā nav aktīvs.',
    no_shared_language: 'mentoram un dalībniekam nav kopīgas valodas.',
    mentor_at_capacity: 'mentoram jau ir {capacity|participants} — pilna noslodze.',
    mentor_over_capacity:
      'mentoram ir {activeMentees|participants} — vairāk nekā pieļaujamā noslodze ({capacity|number}).',
    mentor_is_family: 'dalībnieka ģimenes loceklis nevar būt viņa mentors.',
    total_duration_cap_reached:
      'vienai personai kopā pieejamais mentorēšanas ilgums: ne vairāk kā {maxMonths|months}; pēdējā atļautā diena: {lastAllowedDay|date}.',
    contact_in_future: 'kontaktu nevar reģistrēt nākotnes laikā ({date|date}).',
    rhythm_set_by_program:
      'šajā programmā saziņas ritmu nosaka pati programma; mentors un dalībnieks nevar vienoties par citu.',
    briefing_not_acknowledged:
      'pirms pirmā kontakta mentoram jāapstiprina, ka viņš ir iepazinies ar projekta mērķi.',
    planned_end_passed:
      'mentorēšanas plānotās beigas: {plannedEndOn|date}; lai turpinātu, vajadzīgs apstiprināts pagarinājums.',
    hospitalization_suspension_required:
      'ilgstošas hospitalizācijas dēļ pakalpojums tiek apturēts no {suspendFrom|date}; vispirms apturiet mentorēšanu.',
    virtual_continuation_required:
      'attālinātai mentorēšanai no {horizonOn|date} vajadzīgs apstiprinājums (apstiprina: {approverRole|label}).',
    trial_not_in_program: 'šajā programmā nav pārbaudes laika.',
    trial_already_reviewed: 'pārbaudes laiks jau tika izvērtēts {reviewedOn|date}.',
    extension_not_in_program: 'šajā programmā nav plānota ilguma, ko varētu pagarināt.',
    extension_not_later:
      'jaunajam beigu datumam ({until|date}) jābūt pēc plānotajām beigām ({plannedEndOn|date}).',
    extension_beyond_total_cap:
      'jaunais beigu datums ({until|date}) pārsniedz kopējo ilgumu — {maxMonths|months}; pēdējā atļautā diena: {lastAllowedDay|date}.',
    approval_not_approved: 'pieprasījums nav apstiprināts (statuss: {status|label}).',
    approval_for_other_mentorship: 'šis apstiprinājums attiecas uz citu mentorēšanu.',
    approval_wrong_kind: 'šis apstiprinājums attiecas uz “{kind|label}”, nevis uz šo darbību.',
    virtual_not_in_program: 'šajā programmā nav attālinātās mentorēšanas.',
    mode_unchanged: 'mentorēšanas forma jau ir “{mode|label}”.',
    not_virtual: 'mentorēšana nenotiek attālināti.',
    virtual_continuation_before_horizon:
      'līdz {horizonOn|date} apstiprinājums nav vajadzīgs; turpinājumam jāilgst vismaz līdz šai dienai.',
    hospitalization_not_in_program: 'šajā programmā nav noteikumu par hospitalizāciju.',
    hospitalization_dates_invalid:
      'izrakstīšanas datums nevar būt pirms stacionēšanas datuma ({startedOn|date}).',
    hospitalization_not_recorded:
      'pirms mentorēšanas apturēšanas hospitalizācijas dēļ reģistrējiet hospitalizāciju.',
    renewal_not_open: 'pēc hospitalizācijas pakalpojumu var atsākt no {renewalOpensOn|date}.',
    discharge_date_unknown:
      'atsākšana kļūst iespējama neilgi pirms izrakstīšanas; vispirms reģistrējiet paredzamo izrakstīšanas datumu.',
    closure_note_required: 'slēgšanai ar iemeslu “{reason|label}” jāpievieno piezīme.',
    no_current_mentor: 'šai mentorēšanai pašlaik nav mentora.',
    groups_not_in_program: 'šajā programmā nav grupu.',
    group_not_a_member: 'šis dalībnieks nav grupas dalībnieks (nav pieteikts vai jau izstājies).',
    group_full: 'grupa ir pilna (maksimums: {maxParticipants|participants}).',
    group_already_member: 'dalībnieks jau ir šajā grupā.',
    group_once_per_service_period:
      'vienā pakalpojuma periodā dalībnieks var piedalīties vienā grupā; šis dalībnieks grupai pievienojās {enrolledOn|date}.',
    group_too_small:
      'minimālais dalībnieku skaits grupas sākšanai: {minParticipants|number}; pašlaik: {members|number}.',
    group_meetings_out_of_range:
      'grupas programmā ir no {minMeetings|number} līdz {maxMeetings|number} tikšanās reizēm; plānots: {meetings|number}.',
    group_meeting_limit_reached: 'grupai jau ir maksimālais tikšanās reižu skaits ({maxMeetings|number}).',
    group_closed: 'grupa ir slēgta.',
    group_not_running: 'apmeklējumu reģistrē tikai no grupas sākuma līdz tās slēgšanai.',
    group_no_service_period:
      'dalībniekam nav atvērta pakalpojuma perioda, tāpēc viņš nevar pievienoties grupai.',
    group_attendance_not_enrolled: 'apmeklējumu var reģistrēt tikai grupas dalībniekiem.',
    group_meeting_cancelled: 'šī tikšanās ir atcelta.',
    group_status_not_allowed: 'grupu tagad nevar pārslēgt uz šo statusu.',
    check_in_exists_today: 'šodien jau ir atzīme; labojiet to.',
    check_in_day_closed: 'atzīmi var labot tikai tās dienā ({day|date}).',
    referral_status_final: 'šim nosūtījumam jau ir reģistrēts galīgs iznākums.',
    referral_transition_not_allowed: 'nosūtījums virzās uz iznākumu; šīs izmaiņas nav iespējamas.',
    risk_observation_closed: 'šis riska novērojums ir slēgts.',
  },
  attention: {
    trial_review: 'Pārbaudes laiks jāizvērtē līdz {dueOn|date}.',
    planned_end: 'Mentorēšanas plānotās beigas: {plannedEndOn|date} (vēl {daysLeft|days}).',
    total_cap:
      'Kopējais mentorēšanas ilgums ({maxMonths|months}) beidzas {lastAllowedDay|date} (vēl {daysLeft|days}).',
    weekly_cap_exceeded:
      'Nedēļā, kas sākās {weekStart|date}, pārsniegts nedēļas limits: {hours|hours}, {visits|visits}.',
    weekly_virtual_cap_exceeded:
      'Nedēļā, kas sākās {weekStart|date}, pārsniegts attālināto tikšanos nedēļas limits: {virtualHours|hours}.',
    virtual_continuation:
      'Attālinātā mentorēšana apstiprināta līdz {lastDay|date}; turpināšanai vajadzīgs apstiprinājums (apstiprina: {approverRole|label}).',
    contact_lapsed: 'Kopš {since|date} kontakts nenotiek programmas vai norunātajā biežumā.',
    daily_check_in_missed: 'Kopš {since|date} nav notikusi ikdienas sazināšanās.',
    hospitalization_suspension:
      'Stacionārā kopš {hospitalizedSince|date}: pakalpojums jāaptur no {suspendFrom|date}.',
    renewal_window: 'Pēc hospitalizācijas pakalpojumu var atsākt no {renewalOpensOn|date}.',
    awaiting_mentor: 'Gaida mentoru kopš {since|date} ({days|days}).',
    approval_pending: 'Pieprasījums “{approvalKind|label}” ({requestedOn|date}) gaida lēmumu.',
    risk_referral:
      'Riska pazīme (smagums: {severity|label}), kas novērota {observedOn|date}, vēl nav nodota speciālistiem.',
    wellbeing_drop:
      'Labsajūta ikdienas atzīmēs kopš {since|date} vidēji kritusies no {baselineAverage|number} līdz {recentAverage|number}.',
    wellbeing_low:
      'Zemākais labsajūtas vērtējums ikdienas atzīmēs vairākas dienas pēc kārtas, no {since|date} līdz {lastDay|date}.',
  },
  units: {
    hours: { zero: '# stundu', one: '# stunda', other: '# stundas' },
    minutes: { zero: '# minūšu', one: '# minūte', other: '# minūtes' },
    visits: { zero: '# apmeklējumu', one: '# apmeklējums', other: '# apmeklējumi' },
    days: { zero: '# dienu', one: '# diena', other: '# dienas' },
    months: { zero: '# mēnešu', one: '# mēnesis', other: '# mēneši' },
    years: { zero: '# gadu', one: '# gads', other: '# gadi' },
    goals: { zero: '# mērķu', one: '# mērķis', other: '# mērķi' },
    meetings: { zero: '# tikšanās reižu', one: '# tikšanās reize', other: '# tikšanās reizes' },
    participants: { zero: '# dalībnieku', one: '# dalībnieks', other: '# dalībnieki' },
  },
  labels: {
    admin: 'administrators',
    coordinator: 'koordinators',
    mentor: 'mentors',
    committee: 'komiteja',
    evaluator: 'vērtētājs',
    participant: 'dalībnieks',
    in_person: 'klātienē',
    video: 'video',
    phone: 'tālrunis',
    messenger: 'ziņapmaiņas lietotne',
    email: 'e-pasts',
    virtual: 'attālināti',
    authority_meeting: 'tikšanās iestādē',
    letters: 'vēstules',
    doctor: 'ārsts',
    psychologist: 'psihologs',
    physiotherapist: 'fizioterapeits',
    other: 'cits',
    extension: 'pagarinājums',
    virtual_continuation: 'attālinātās mentorēšanas turpināšana',
    cap_override: 'nedēļas limita pārsniegšana',
    pending: 'gaida lēmumu',
    approved: 'apstiprināts',
    refused: 'noraidīts',
    awaiting_match: 'gaida mentoru',
    trial: 'pārbaudes laiks',
    active: 'aktīva',
    suspended: 'apturēta',
    closed: 'slēgta',
    start: 'sākt mentorēšanu',
    record_contact: 'reģistrēt kontaktu',
    review_trial: 'izvērtēt pārbaudes laiku',
    switch_mode: 'mainīt formu (klātienē vai attālināti)',
    request_extension: 'lūgt pagarinājumu',
    request_virtual_continuation: 'lūgt turpināt attālināti',
    record_hospitalization: 'reģistrēt hospitalizāciju',
    suspend: 'apturēt',
    resume: 'atsākt',
    change_mentor: 'mainīt mentoru',
    close: 'slēgt',
    propose: 'savienojums ieteikts',
    match: 'mentors ieteikts',
    agree_rhythm: 'saziņas biežums saskaņots',
    extension_approved: 'pagarinājums apstiprināts',
    virtual_continuation_approved: 'attālinātā turpināšana apstiprināta',
    participant_choice: 'dalībnieka izvēle',
    goals_met: 'mērķi sasniegti',
    max_duration: 'sasniegts maksimālais ilgums',
    mismatch: 'nepiemērots pāris',
    mentor_left: 'mentors aizgāja',
    low: 'zems',
    medium: 'vidējs',
    high: 'augsts',
    immediate: 'tūlītējs',
  },
  riskAlertEmail: {
    subject: 'Tandem: riska pazīmei tagad nepieciešama jūsu uzmanība',
    body: 'Riska pazīme (smagums: {severity|label}) reģistrēta {observedOn|date} organizācijā {organisation}, un tai tagad nepieciešama jūsu uzmanība. Piesakieties Tandem un atveriet sadaļu “Nepieciešama uzmanība”. Personas privātuma dēļ šajā e-pastā nav nekādu detaļu.',
  },
};
