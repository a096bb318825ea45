/**
 * Emergency guidance shown to a mentor who records a high or immediate sign of
 * risk (CM-4). Program data, not interface text: each program lists its own
 * steps and the numbers of its own country, in every language of the platform,
 * and may override them.
 */
const stay = {
  text: {
    en: 'Stay with the person, or stay on the line, and keep talking with them. Do not leave someone in danger alone.',
    he: 'הישארו עם האדם, או על הקו, והמשיכו לדבר איתו. אל תשאירו לבד אדם שנמצא בסכנה.',
    ar: 'ابقَ مع الشخص، أو على الخط، واستمر في الحديث معه. لا تترك شخصًا في خطر وحده.',
    da: 'Bliv hos personen, eller bliv i telefonen, og bliv ved med at tale med vedkommende. Lad aldrig en person i fare være alene.',
    lv: 'Palieciet kopā ar cilvēku vai palieciet uz līnijas un turpiniet ar viņu runāt. Neatstājiet vienu cilvēku, kuram draud briesmas.',
  },
};

const emergency = (phone: string) => ({
  text: {
    en: 'If a life is in danger now, call the emergency number.',
    he: 'אם יש סכנת חיים עכשיו, התקשרו למספר החירום.',
    ar: 'إذا كانت هناك حياة في خطر الآن، اتصل برقم الطوارئ.',
    da: 'Hvis et liv er i fare lige nu, så ring til alarmnummeret.',
    lv: 'Ja kāda dzīvība ir apdraudēta tagad, zvaniet uz ārkārtas tālruni.',
  },
  phone,
});

const coordinator = {
  text: {
    en: 'Call your coordinator now as well: saving this form alerts them, but speak to them directly.',
    he: 'התקשרו עכשיו גם לרכז/ת: שמירת הטופס מתריעה להם, אבל דברו איתם ישירות.',
    ar: 'اتصل أيضًا بالمنسق الآن: حفظ هذا النموذج ينبّهه، لكن تحدّث معه مباشرة.',
    da: 'Ring også til koordinatoren nu: Når du gemmer formularen, får vedkommende besked, men tal med dem direkte.',
    lv: 'Tagad piezvaniet arī koordinatoram: saglabājot šo veidlapu, viņš saņem brīdinājumu, taču runājiet ar viņu tieši.',
  },
};

/** Israel: Magen David Adom 101; ERAN emotional first aid 1201. */
export const israelEmergencyGuidance = [
  stay,
  emergency('101'),
  {
    text: {
      en: 'ERAN – emotional first aid by phone, day and night.',
      he: 'ער״ן – עזרה ראשונה נפשית בטלפון, בכל שעות היממה.',
      ar: 'عيران – إسعاف نفسي أولي عبر الهاتف، على مدار الساعة.',
      da: 'ERAN – psykisk førstehjælp over telefonen, døgnet rundt.',
      lv: 'ERAN – psiholoģiskā pirmā palīdzība pa tālruni visu diennakti.',
    },
    phone: '1201',
  },
  coordinator,
];

/** Denmark: 112; Livslinien 70 201 201. */
export const denmarkEmergencyGuidance = [
  stay,
  emergency('112'),
  {
    text: {
      en: 'Livslinien – someone to talk to for people thinking about suicide, and for those around them.',
      he: 'Livslinien – קו שיחה לאנשים שחושבים על התאבדות ולסובבים אותם.',
      ar: 'Livslinien – خط للحديث لمن يفكر في الانتحار ولمن حوله.',
      da: 'Livslinien – rådgivning til mennesker med selvmordstanker og deres pårørende.',
      lv: 'Livslinien – saruna cilvēkiem ar pašnāvības domām un viņu tuviniekiem.',
    },
    phone: '70 201 201',
  },
  coordinator,
];

/** Latvia: 112; the Skalbes crisis line 67222922. */
export const latviaEmergencyGuidance = [
  stay,
  emergency('112'),
  {
    text: {
      en: 'Skalbes crisis line – support in a crisis, day and night.',
      he: 'קו המשבר Skalbes – תמיכה במשבר, בכל שעות היממה.',
      ar: 'خط الأزمات Skalbes – دعم في الأزمات، ليلًا ونهارًا.',
      da: 'Skalbes krisetelefon – hjælp i en krise, døgnet rundt.',
      lv: 'Krīzes tālrunis “Skalbes” – atbalsts krīzes situācijā visu diennakti.',
    },
    phone: '67222922',
  },
  coordinator,
];
