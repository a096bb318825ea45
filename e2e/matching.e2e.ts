import { describe, expect, it } from 'vitest';
import { act, call, socialMentorship } from './support/api';
import {
  chooseLanguage,
  DESKTOP,
  login,
  newPage,
  openNav,
  overflowsSideways,
  PHONE,
  pageProblems,
  shot,
  useBrowser,
} from './support/browser';

const browser = useBrowser();

const haifa = { city: 'Haifa', lat: 32.794, lon: 34.9896 };
/**
 * The journey's own people speak Tigrinya, which nobody in the demo does, so the
 * allocation can only pair them with each other whatever else the demo holds.
 */
const tigrinya = (level = 5) => [{ code: 'ti', level }];

describe('matching: intake, mentor registry and a cohort allocation', () => {
  it('SIVA-1: a coordinator registers a participant, edits a mentor, allocates a cohort with a pin and an exclusion, and confirms', async () => {
    const page = await newPage(browser());
    await login(page, 'coordinator');
    const programId = await socialMentorship(page);
    const trained = { programId, birthDate: '1984-06-02', trainingCompletedOn: '2025-01-15', place: haifa };
    await call(page, 'POST', '/api/v1/mentors', {
      ...trained,
      displayName: 'Mebrat Tesfaye',
      languages: [...tigrinya(), { code: 'he', level: 4 }],
      capacity: 2,
      gender: 'female',
    });
    await call(page, 'POST', '/api/v1/mentors', {
      ...trained,
      displayName: 'Yonas Berhe',
      languages: tigrinya(),
      capacity: 1,
      gender: 'male',
    });
    for (const displayName of ['Selam Kidane', 'Dawit Asfaw'])
      await call(page, 'POST', '/api/v1/participants', {
        programId,
        displayName,
        birthDate: '1990-02-11',
        languages: tigrinya(4),
        place: haifa,
        consentGiven: true,
      });

    // Intake through the form.
    await openNav(page, 'Participants', '/participants');
    await page.getByRole('link', { name: 'New participant' }).click();
    await page.waitForURL('**/participants/new');
    await page.getByLabel('Name').fill('Tsega Haile');
    await page.getByLabel('Date of birth').fill('1993-03-14');
    await page.getByRole('button', { name: 'Add a language' }).click();
    await page.getByTestId('languages').getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Tigrinya' }).click();
    await page.getByRole('radiogroup', { name: 'Level of Tigrinya' }).getByText('5', { exact: true }).click();
    await page.getByLabel('City').fill('Haifa');
    await page.getByLabel('Latitude').fill('32.794');
    await page.getByLabel('Longitude').fill('34.9896');
    const grid = page.getByTestId('availability');
    await grid.getByRole('button', { name: /Sunday 17:00/ }).click();
    await grid.getByRole('button', { name: /Sunday 18:00/ }).click();
    await page.getByTestId('availability-count').filter({ hasText: '2 hours a week' }).waitFor();
    await page.getByRole('combobox', { name: 'Needs support with' }).click();
    await page.getByRole('option', { name: 'Social situations' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('The participant has agreed to have a mentor').check();
    await shot(page, '60-intake-form');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('heading', { name: 'Tsega Haile' }).waitFor();
    await page.getByText('Waiting for a mentor').first().waitFor();

    // The mentor registry: Yonas can take a second mentee now.
    await openNav(page, 'Mentors', '/mentors');
    await page.getByRole('link', { name: 'Yonas Berhe' }).click();
    await page.getByRole('heading', { name: 'Edit the profile of Yonas Berhe' }).waitFor();
    const capacity = page.getByLabel('Mentees at most');
    await capacity.fill('2');
    await page
      .getByTestId('availability')
      .getByRole('button', { name: /Sunday 17:00/ })
      .click();
    await shot(page, '61-mentor-edit');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/mentors');
    const yonas = page.getByRole('row').filter({ hasText: 'Yonas Berhe' });
    await yonas.getByText('0 / 2').waitFor();

    // The cohort: only the journey's three, whoever else is waiting in the demo.
    await openNav(page, 'Cohort allocation', '/cohort');
    const cohort = page.getByTestId('cohort');
    await cohort.getByLabel('Tsega Haile').waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    for (const name of ['Tsega Haile', 'Selam Kidane', 'Dawit Asfaw']) await cohort.getByLabel(name).check();
    await page.getByTestId('cohort-count').filter({ hasText: '3 selected' }).waitFor();
    await page.getByRole('button', { name: 'Run the allocation' }).click();
    const rows = page.getByTestId('proposal-row');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    const row = (name: string) => rows.filter({ hasText: name });
    const mentorOf = (name: string) => row(name).locator('td').nth(1).locator('p').first().innerText();
    // Why, in words: the shared language with its level, from the domain's own score parts.
    await row('Tsega Haile')
      .getByText(/shares Tigrinya \(5\/5\)/)
      .waitFor();

    const tsegaWith = await mentorOf('Tsega Haile');
    const selamWith = await mentorOf('Selam Kidane');
    await row('Tsega Haile').getByRole('button', { name: 'Pin', exact: true }).click();
    await row('Tsega Haile').getByText('Pinned').waitFor();
    await row('Selam Kidane').getByRole('button', { name: 'Rule out' }).click();
    await page.getByTestId('ruled-out').getByText(`Selam Kidane with ${selamWith}`).waitFor();
    await page.getByTestId('proposal-outdated').waitFor();
    await shot(page, '62-cohort-adjusted');

    await page.getByRole('button', { name: 'Run again' }).click();
    await page.getByTestId('proposal-outdated').waitFor({ state: 'detached' });
    await row('Tsega Haile').getByText('Pinned').waitFor();
    expect(await mentorOf('Tsega Haile')).toBe(tsegaWith);
    const selamNow = await mentorOf('Selam Kidane');
    expect(['Mebrat Tesfaye', 'Yonas Berhe']).toContain(selamNow);
    expect(selamNow).not.toBe(selamWith);
    await page.getByTestId('mentor-load').getByText('Mebrat Tesfaye').waitFor();
    await shot(page, '63-cohort-proposal-en');

    await chooseLanguage(page, 'עברית');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { name: 'שיבוץ מחזור' }).waitFor();
    await row('Tsega Haile').getByText('נעוץ').waitFor();
    await shot(page, '64-cohort-proposal-he');
    await chooseLanguage(page, 'English');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');

    await page.getByRole('button', { name: 'Confirm 3 matches' }).click();
    const created = page.getByTestId('created');
    await created.getByText('3 matches created').waitFor();
    for (const name of ['Tsega Haile', 'Selam Kidane', 'Dawit Asfaw'])
      await created.getByRole('link', { name }).waitFor();
    await shot(page, '65-cohort-confirmed');
    // The cohort no longer lists them as waiting.
    await cohort.getByLabel('Tsega Haile').waitFor({ state: 'detached' });

    await created
      .getByRole('listitem')
      .filter({ hasText: 'Tsega Haile' })
      .getByRole('link', { name: 'Open the mentorship' })
      .click();
    await page.getByTestId('mentorship-state').filter({ hasText: 'Awaiting' }).waitFor();
    await page.getByText(tsegaWith).first().waitFor();
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('MOH-16: someone whose mentor left is in the cohort; the mentor who left is ruled out by default; confirming gives their own mentorship the new mentor', async () => {
    const page = await newPage(browser());
    await login(page, 'coordinator');
    const programId = await socialMentorship(page);
    // Ukrainian, which nobody in the demo speaks: these three can only be paired with each other.
    const ukrainian = [{ code: 'uk', level: 5 }];
    const trained = { programId, birthDate: '1982-04-20', trainingCompletedOn: '2025-02-01', place: haifa };
    const oksana = await call<{ id: string }>(page, 'POST', '/api/v1/mentors', {
      ...trained,
      displayName: 'Oksana Kovalenko',
      languages: ukrainian,
      capacity: 2,
    });
    await call(page, 'POST', '/api/v1/mentors', {
      ...trained,
      displayName: 'Taras Melnyk',
      languages: ukrainian,
      capacity: 2,
    });
    const iryna = await call<{ id: string }>(page, 'POST', '/api/v1/participants', {
      programId,
      displayName: 'Iryna Bondar',
      birthDate: '1991-08-24',
      languages: ukrainian,
      place: haifa,
      consentGiven: true,
    });
    // Iryna's mentorship with Oksana started; then Oksana left the program.
    const ms = await call<{ id: string }>(page, 'POST', '/api/v1/mentorships', {
      participantId: iryna.id,
      mentorId: oksana.id,
    });
    await call(page, 'POST', `/api/v1/mentorships/${ms.id}/goals`, {
      title: 'Find a Hebrew course',
      domains: ['social_situations'],
    });
    await act(page, ms.id, 'start');
    await act(page, ms.id, 'change-mentor', { reason: 'mentor_left' });

    await openNav(page, 'Cohort allocation', '/cohort');
    const cohort = page.getByTestId('cohort');
    await cohort.getByLabel('Iryna Bondar').waitFor();
    await cohort
      .getByText(/needs a new mentor/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await cohort.getByLabel('Iryna Bondar').check();
    await page.getByTestId('cohort-count').filter({ hasText: '1 selected' }).waitFor();
    await page.getByRole('button', { name: 'Run the allocation' }).click();
    const rows = page.getByTestId('proposal-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await rows.first().getByText('Taras Melnyk').waitFor();
    await rows.first().getByText('New mentor for their mentorship').waitFor();
    const former = page.getByTestId('former-mentors');
    await former.getByText('Iryna Bondar with Oksana Kovalenko').waitFor();
    await former.getByText(/left the person's mentorship/).waitFor();
    await shot(page, '68-cohort-rematch-en');

    await chooseLanguage(page, 'العربية');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByTestId('former-mentors').getByText('مرشدون سابقون، مستبعدون افتراضيًا').waitFor();
    await shot(page, '69-cohort-rematch-ar');
    await page.setViewportSize(PHONE);
    await page.getByTestId('former-mentors').scrollIntoViewIfNeeded();
    await shot(page, '69-cohort-rematch-ar-phone');
    expect(await overflowsSideways(page)).toBe(false);
    await page.setViewportSize(DESKTOP);
    await chooseLanguage(page, 'English');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');

    await page.getByRole('button', { name: 'Confirm 1 match' }).click();
    const created = page.getByTestId('created');
    await created.getByText('1 match created').waitFor();
    await created.getByText(/new mentor on their mentorship/).waitFor();
    await created.getByRole('link', { name: 'Open the mentorship' }).click();
    // The same mentorship: its history runs on from Oksana's time to Taras's proposal.
    await page.waitForURL(`**/mentorships/${ms.id}`);
    await page.getByTestId('mentorship-state').filter({ hasText: 'Awaiting' }).waitFor();
    await page.getByText('Taras Melnyk').first().waitFor();
    const history = page.locator('.mantine-Timeline-root');
    for (const step of ['Match proposed', 'Start the mentorship', 'Change the mentor', 'Mentor proposed'])
      await history.getByText(step, { exact: true }).waitFor();
    expect(await history.locator('.mantine-Timeline-item').count()).toBe(4);
    await shot(page, '70-rematch-history');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('REL-03: an edit made meanwhile by someone else is not overwritten; the form says so and reloads their version', async () => {
    const page = await newPage(browser());
    await login(page, 'coordinator');
    const programId = await socialMentorship(page);
    const m = await call<{ id: string }>(page, 'POST', '/api/v1/mentors', {
      programId,
      displayName: 'Hagos Tekle',
      birthDate: '1979-09-09',
      languages: tigrinya(),
      capacity: 1,
    });
    await page.goto(`/mentors/${m.id}/edit`);
    await page.getByRole('heading', { name: 'Edit the profile of Hagos Tekle' }).waitFor();
    await page.getByLabel('Mentees at most').fill('3');
    // Another coordinator raises the travel radius while this form is open.
    await page.evaluate(async (id) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      await fetch(`/api/v1/mentors/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken, 'if-match': '"1"' },
        body: JSON.stringify({ travelRadiusKm: 25 }),
      });
    }, m.id);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByTestId('stale')
      .getByText('Someone else changed this profile after you opened it')
      .waitFor();
    await shot(page, '67-mentor-edit-stale');
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByTestId('stale').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByLabel('Travels up to (km)').inputValue()).toBe('25');
    await page.getByLabel('Mentees at most').fill('3');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/mentors');
    await page.getByRole('row').filter({ hasText: 'Hagos Tekle' }).getByText('0 / 3').waitFor();
    await page.context().close();
  });

  it('the intake form works on a phone, right to left in Hebrew: the week grid fits the screen', async () => {
    const page = await newPage(browser(), PHONE);
    await login(page, 'coordinator');
    await page.goto('/participants/new');
    await page.getByTestId('availability').waitFor();
    await chooseLanguage(page, 'עברית');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { name: 'משתתף/ת חדש/ה' }).waitFor();
    await page.getByTestId('availability').scrollIntoViewIfNeeded();
    await page.getByTestId('availability').getByRole('button').first().click();
    await page.getByTestId('availability-count').filter({ hasText: 'שעה אחת בשבוע' }).waitFor();
    await shot(page, '66-phone-intake-availability-he');
    expect(await overflowsSideways(page)).toBe(false);
    // An empty name is refused in the reader's language, before anything is sent.
    await page.getByRole('button', { name: 'רישום', exact: true }).click();
    await page.getByText('שדה חובה').first().waitFor();
    await chooseLanguage(page, 'English');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
