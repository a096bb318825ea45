import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTENTION_KINDS } from '../attention/items';
import { alreadyHasOpenMentorship } from '../lifecycle/guard';
import { HISTORY_ACTIONS } from '../lifecycle/states';
import { refuse } from '../refusal';
import { LOCALES } from '../roles';
import { LABEL_KEYS, UNITS } from './catalog';
import { REFUSAL_CODES } from './codes';
import {
  attentionMessage,
  CATALOGS,
  formatTemplate,
  labelFor,
  placeholdersOf,
  refusalMessage,
} from './format';

const SRC = join(import.meta.dirname, '..');
const sourceFiles = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(SRC, f), 'utf8'));

/** A sample value for each placeholder, chosen by its format. */
function sampleParams(template: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const { name, format } of placeholdersOf(template)) {
    out[name] =
      format === 'date' ? '2026-04-15' : format === 'label' ? 'coordinator' : format ? 3 : 'employment';
  }
  return out;
}
const names = (template: string) => [...new Set(placeholdersOf(template).map((p) => p.name))].sort();

describe('catalog completeness', () => {
  it('every refusal code the domain can return is in the catalog, and every catalog code is used', () => {
    const used = new Set<string>();
    for (const text of sourceFiles) {
      for (const m of text.matchAll(/refuse\(\s*[^,]+,\s*'([a-z_]+)'/g)) used.add(m[1] ?? '');
    }
    expect([...used].filter((c) => !(REFUSAL_CODES as readonly string[]).includes(c))).toEqual([]);
    expect(REFUSAL_CODES.filter((c) => !used.has(c))).toEqual([]);
  });

  it('every refusal code has a sentence in all five languages, with the same placeholders as English', () => {
    for (const code of REFUSAL_CODES) {
      const en = CATALOGS.en.refusals[code];
      for (const locale of LOCALES) {
        const t = CATALOGS[locale].refusals[code];
        expect(t.trim().length, `${locale} ${code}`).toBeGreaterThan(0);
        expect(names(t), `${locale} ${code}`).toEqual(names(en));
      }
    }
  });

  it('every attention kind has a sentence in all five languages, with the same placeholders as English', () => {
    for (const kind of ATTENTION_KINDS) {
      for (const locale of LOCALES) {
        expect(names(CATALOGS[locale].attention[kind]), `${locale} ${kind}`).toEqual(
          names(CATALOGS.en.attention[kind]),
        );
      }
    }
  });

  it('translations are not English copies', () => {
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const c = CATALOGS[locale];
      for (const code of REFUSAL_CODES)
        expect(c.refusals[code], `${locale} ${code}`).not.toBe(CATALOGS.en.refusals[code]);
      for (const kind of ATTENTION_KINDS)
        expect(c.attention[kind], `${locale} ${kind}`).not.toBe(CATALOGS.en.attention[kind]);
    }
  });

  it('every placeholder is filled in every language, for refusals and attention items', () => {
    for (const locale of LOCALES) {
      for (const code of REFUSAL_CODES) {
        const template = CATALOGS.en.refusals[code];
        const text = refusalMessage(locale, refuse('MOH-3', code, sampleParams(template)));
        expect(text, `${locale} ${code}`).not.toMatch(/[{}…]|undefined|NaN/);
      }
      for (const kind of ATTENTION_KINDS) {
        const params = sampleParams(CATALOGS.en.attention[kind]);
        const text = attentionMessage(locale, { kind, ruleId: 'MOH-4', params });
        expect(text, `${locale} ${kind}`).not.toMatch(/[{}…]|undefined|NaN/);
      }
    }
  });

  it('every unit has the plural forms its language uses, and every label is translated', () => {
    for (const locale of LOCALES) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const unit of UNITS) {
        for (const cat of categories)
          expect(CATALOGS[locale].units[unit][cat], `${locale} ${unit} ${cat}`).toBeTruthy();
      }
      for (const key of LABEL_KEYS)
        expect(CATALOGS[locale].labels[key].length, `${locale} ${key}`).toBeGreaterThan(0);
    }
  });

  it('every step a mentorship history can show reads as words in all five languages, never as its code', () => {
    const raw: string[] = [];
    for (const locale of LOCALES) {
      for (const action of HISTORY_ACTIONS) {
        // labelFor passes an unknown value through as it is: the catalog itself must hold the step.
        const label = labelFor(locale, action);
        const known = Object.hasOwn(CATALOGS[locale].labels, action);
        if (!known || label.includes('_') || label.trim() === '') raw.push(`${locale} ${action}`);
        if (locale !== 'en' && label === labelFor('en', action)) raw.push(`${locale} ${action} (English)`);
      }
    }
    expect(raw).toEqual([]);
    expect(labelFor('en', 'agree_rhythm')).toBe('contact rhythm agreed');
  });
});

describe('sentences', () => {
  const cap = refuse('MOH-3', 'weekly_hours_cap_exceeded', {
    weekStart: '2026-04-12',
    usedHours: 3,
    addedHours: 1,
    capHours: 3,
  });

  it('MOH-3: the weekly cap refusal in English names the rule, the hours and the cap', () => {
    expect(refusalMessage('en', cap)).toBe(
      'Not allowed by program rule MOH-3: the week starting April 12, 2026 already has 3 hours of visits and this contact adds 1 hour; the weekly cap is 3 hours. Going over it needs a recorded reason.',
    );
  });

  it('MATCH-CAPACITY: a full mentor of one place reads in the singular, of three in the plural', () => {
    const full = (capacity: number) =>
      refuse('MATCH-CAPACITY', 'mentor_at_capacity', { capacity, activeMentees: capacity });
    expect(refusalMessage('en', full(1))).toMatch(/already has 1 participant, their full capacity\.$/);
    expect(refusalMessage('en', full(3))).toMatch(/already has 3 participants, their full capacity\.$/);
    expect(refusalMessage('he', full(1))).toContain('משתתף אחד');
    expect(refusalMessage('ar', full(2))).toContain('مشاركان');
  });

  it('MOH-3: the same refusal in Hebrew, Arabic, Danish and Latvian', () => {
    expect(refusalMessage('he', cap)).toBe(
      'לא מותר לפי כלל התוכנית MOH-3: בשבוע שמתחיל ב־12 באפריל 2026 כבר נרשמו ביקורים בהיקף של 3 שעות, והקשר הזה מוסיף שעה אחת; המכסה השבועית היא 3 שעות. חריגה ממנה מחייבת תיעוד סיבה.',
    );
    expect(refusalMessage('ar', cap)).toBe(
      'غير مسموح بموجب قاعدة البرنامج MOH-3: في الأسبوع الذي يبدأ في 12 أبريل 2026 سُجّلت زيارات مدتها 3 ساعات، ومدة هذا التواصل ساعة واحدة؛ الحد الأسبوعي: 3 ساعات. يتطلب تجاوز الحد تسجيل سبب.',
    );
    expect(refusalMessage('da', cap)).toBe(
      'Ikke tilladt efter programregel MOH-3: ugen, der begynder 12. april 2026, har allerede 3 timer med besøg, og denne kontakt lægger 1 time til; ugeloftet er 3 timer. En overskridelse kræver en registreret begrundelse.',
    );
    expect(refusalMessage('lv', cap)).toBe(
      'Nav atļauts saskaņā ar programmas noteikumu MOH-3: nedēļā, kas sākas 12.04.2026, apmeklējumu ilgums jau ir 3 stundas, šis kontakts — 1 stunda; nedēļas limits: 3 stundas. Lai to pārsniegtu, jāreģistrē pamatojums.',
    );
  });

  it('Arabic uses all six plural forms', () => {
    const hours = (n: number) => formatTemplate('ar', '{n|hours}', { n });
    expect([0, 1, 2, 3, 11, 100].map(hours)).toEqual([
      '0 ساعة',
      'ساعة واحدة',
      'ساعتان',
      '3 ساعات',
      '11 ساعة',
      '100 ساعة',
    ]);
    expect(formatTemplate('ar', '{n|days}', { n: 11 })).toBe('11 يومًا');
  });

  it('Latvian uses zero, one and other forms (10 and 11 take the zero form, 21 the one form)', () => {
    const days = (n: number) => formatTemplate('lv', '{n|days}', { n });
    expect([10, 11, 21, 3, 1].map(days)).toEqual(['10 dienu', '11 dienu', '21 diena', '3 dienas', '1 diena']);
  });

  it('Hebrew has a dual; Danish formats decimals with a comma', () => {
    expect(formatTemplate('he', '{n|hours}', { n: 2 })).toBe('שעתיים');
    expect(formatTemplate('he', '{n|hours}', { n: 2.5 })).toBe('2.5 שעות');
    expect(formatTemplate('da', '{n|hours}', { n: 1.5 })).toBe('1,5 time');
    expect(formatTemplate('da', '{n|hours}', { n: 2.25 })).toBe('2,25 timer');
  });

  it('MOH-10: labels translate roles; platform rules read differently from program rules', () => {
    expect(refusalMessage('da', refuse('MOH-1', 'match_not_approved', { approverRole: 'coordinator' }))).toBe(
      'Ikke tilladt efter programregel MOH-1: matchet skal først godkendes af rollen »koordinator«.',
    );
    expect(refusalMessage('en', refuse('API-01', 'contact_mode_not_offered', { mode: 'in_person' }))).toBe(
      'Not possible (rule API-01): this program does not log contacts of the kind “in person”.',
    );
    expect(labelFor('he', 'committee')).toBe('ועדה');
    expect(labelFor('he', 'unknown_value')).toBe('unknown_value');
  });

  it('MOH-4: an attention item reads as a sentence with its rule', () => {
    expect(
      attentionMessage('en', { kind: 'trial_review', ruleId: 'MOH-4', params: { dueOn: '2026-04-15' } }),
    ).toBe('Trial review due by April 15, 2026. (MOH-4)');
    expect(
      attentionMessage('lv', {
        kind: 'awaiting_mentor',
        ruleId: 'MOH-16',
        params: { since: '2026-04-01', days: 14 },
      }),
    ).toBe('Gaida mentoru kopš 01.04.2026 (14 dienu). (MOH-16)');
  });

  it('MOH-16: a second open mentorship is refused with a sentence in every language, naming the state', () => {
    const open = alreadyHasOpenMentorship({ id: 'm-1', state: 'trial' });
    expect(open).toMatchObject({ ruleId: 'PLATFORM-4', code: 'participant_has_open_mentorship' });
    expect(refusalMessage('en', open)).toBe(
      'Not possible (rule PLATFORM-4): the participant already has an open mentorship (state “trial period”); give it a new mentor instead of opening a second one.',
    );
    for (const locale of LOCALES) {
      const text = refusalMessage(locale, open);
      expect(text, locale).toContain(labelFor(locale, 'trial'));
      expect(text, locale).not.toContain(CATALOGS[locale].generic);
    }
  });

  it('an unknown code falls back to a generic sentence; a missing value shows an ellipsis', () => {
    expect(refusalMessage('en', refuse('MOH-3', 'some_new_code', {}))).toBe(
      'Not allowed by program rule MOH-3: this action is not allowed.',
    );
    expect(formatTemplate('en', 'until {d|date}', {})).toBe('until …');
  });
});
