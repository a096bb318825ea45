import type { Page } from 'playwright-core';
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
/** The journeys' own people speak Georgian, which nobody in the demo does, so they are each other's only match. */
const georgian = [{ code: 'ka', level: 5 }];

async function newMentor(page: Page, programId: string, displayName: string, capacity = 2) {
  return call<{ id: string }>(page, 'POST', '/api/v1/mentors', {
    programId,
    displayName,
    birthDate: '1983-05-26',
    trainingCompletedOn: '2025-03-01',
    languages: georgian,
    place: haifa,
    capacity,
  });
}

async function newPerson(page: Page, programId: string, displayName: string) {
  return call<{ id: string }>(page, 'POST', '/api/v1/participants', {
    programId,
    displayName,
    birthDate: '1994-11-02',
    languages: georgian,
    place: haifa,
    consentGiven: true,
  });
}

describe('the candidate panel for someone waiting for a new mentor', () => {
  it('MOH-16: the mentor who left is ruled out by default, can be allowed again, and the proposal continues the same mentorship', async () => {
    const page = await newPage(browser());
    await login(page, 'coordinator');
    const programId = await socialMentorship(page);
    const nino = await newMentor(page, programId, 'Nino Beridze');
    await newMentor(page, programId, 'Giorgi Kapanadze');
    const tamari = await newPerson(page, programId, 'Tamari Lomidze');
    const ms = await call<{ id: string }>(page, 'POST', '/api/v1/mentorships', {
      participantId: tamari.id,
      mentorId: nino.id,
    });
    await call(page, 'POST', `/api/v1/mentorships/${ms.id}/goals`, {
      title: 'Join the choir',
      domains: ['social_situations'],
    });
    await act(page, ms.id, 'start');
    await act(page, ms.id, 'change-mentor', { reason: 'mentor_left' });

    await page.goto(`/participants/${tamari.id}`);
    const panel = page.getByTestId('candidates');
    await panel.getByTestId('rematch-note').waitFor();
    await panel.getByText('Giorgi Kapanadze').waitFor();
    const former = panel.getByTestId('former-mentors');
    await former.getByText('Former mentors, ruled out by default').waitFor();
    await former.getByText('Nino Beridze').waitFor();
    // Ruled out by default: Nino is not among the ranked candidates until allowed.
    const candidate = (name: string) => panel.getByTestId('candidate').filter({ hasText: name });
    await candidate('Giorgi Kapanadze').waitFor();
    expect(await candidate('Nino Beridze').count()).toBe(0);
    await shot(page, '71-candidates-former-mentor');

    await chooseLanguage(page, 'עברית');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await panel.getByText('חונכים קודמים, נפסלו כברירת מחדל').waitFor();
    await shot(page, '72-candidates-former-mentor-he');
    await page.setViewportSize(PHONE);
    await panel.getByTestId('former-mentors').scrollIntoViewIfNeeded();
    await shot(page, '72-candidates-former-mentor-he-phone');
    expect(await overflowsSideways(page)).toBe(false);
    await page.setViewportSize(DESKTOP);
    await chooseLanguage(page, 'English');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');

    await former.getByRole('button', { name: 'Allow again' }).click();
    await former.waitFor({ state: 'detached' });
    await candidate('Nino Beridze').getByText('former mentor').waitFor();
    await shot(page, '73-candidates-former-mentor-allowed');
    await candidate('Nino Beridze').getByRole('button', { name: 'Propose match' }).click();

    // The same mentorship: its history runs on, each step in words.
    await page.waitForURL(`**/mentorships/${ms.id}`);
    await page.getByTestId('mentorship-state').filter({ hasText: 'Awaiting' }).waitFor();
    const history = page.locator('.mantine-Timeline-root');
    for (const step of ['Match proposed', 'Start the mentorship', 'Change the mentor', 'Mentor proposed'])
      await history.getByText(step, { exact: true }).waitFor();
    expect(await history.getByText('change_mentor').count()).toBe(0);
    await history.scrollIntoViewIfNeeded();
    await shot(page, '74-history-after-rematch');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});

describe('a mentor holding more mentees than their capacity', () => {
  it('MATCH-CAPACITY: lowering the capacity below the load is allowed; the form warns and the registry marks the mentor', async () => {
    const page = await newPage(browser());
    await login(page, 'coordinator');
    const programId = await socialMentorship(page);
    const levan = await newMentor(page, programId, 'Levan Gelashvili', 3);
    for (const name of ['Eka Tsereteli', 'Dato Javakhishvili']) {
      const p = await newPerson(page, programId, name);
      await call(page, 'POST', '/api/v1/mentorships', { participantId: p.id, mentorId: levan.id });
    }

    await openNav(page, 'Mentors', '/mentors');
    await page.getByRole('link', { name: 'Levan Gelashvili' }).click();
    await page.getByRole('heading', { name: 'Edit the profile of Levan Gelashvili' }).waitFor();
    await page.getByText('Holds 2 mentees now').waitFor();
    const capacity = page.getByLabel('Mentees at most');
    await capacity.fill('1');
    const warning = page.getByTestId('over-capacity');
    await warning.getByText('More mentees than the capacity').waitFor();
    await warning.getByText(/holds 2 mentees, more than a capacity of 1/).waitFor();
    await warning.scrollIntoViewIfNeeded();
    await shot(page, '75-mentor-over-capacity-form');
    // Back within the capacity, the warning goes.
    await capacity.fill('2');
    await warning.waitFor({ state: 'detached' });
    await capacity.fill('1');
    await warning.waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/mentors');

    const row = page.getByRole('row').filter({ hasText: 'Levan Gelashvili' });
    await row.getByText('2 / 1').waitFor();
    await row.getByTestId('over-capacity').filter({ hasText: '1 mentee over capacity' }).waitFor();
    await row.scrollIntoViewIfNeeded();
    await shot(page, '76-mentors-over-capacity');

    await chooseLanguage(page, 'العربية');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await row.getByTestId('over-capacity').filter({ hasText: 'مشارك واحد فوق السعة' }).waitFor();
    await page.setViewportSize(PHONE);
    await row.scrollIntoViewIfNeeded();
    await shot(page, '77-mentors-over-capacity-ar-phone');
    await page.setViewportSize(DESKTOP);
    await chooseLanguage(page, 'English');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
