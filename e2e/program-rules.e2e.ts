import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

/** An API call from inside the signed-in page (its cookie and CSRF token, as the app sends them). */
function call(page: Page, method: string, url: string, body?: unknown, ifMatch?: string) {
  return page.evaluate(
    async ([method, url, body, ifMatch]) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(url as string, {
        method: method as string,
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': me.csrfToken,
          ...(ifMatch ? { 'if-match': ifMatch as string } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, etag: res.headers.get('etag'), body: await res.json().catch(() => null) };
    },
    [method, url, body, ifMatch] as const,
  );
}

/** Move the signed-in user to the demo organisation whose name matches, and reload the app there. */
async function switchTo(page: Page, org: RegExp) {
  const me = await call(page, 'GET', '/api/v1/auth/me');
  const target = (me.body.memberships as { orgId: string; orgName: string }[]).find((m) =>
    org.test(m.orgName),
  )!;
  expect((await call(page, 'POST', '/api/v1/auth/switch-org', { orgId: target.orgId })).status).toBe(200);
  const programId = (await call(page, 'GET', '/api/v1/programs')).body.items[0].id as string;
  return { orgId: target.orgId, programId };
}

/** A Danish citizen who chose to have a mentor (RAMP-1), proposed with the mentor: the mentorship's id. */
async function proposeCitizen(page: Page, programId: string, mentorId: string, displayName: string) {
  const citizen = await call(page, 'POST', '/api/v1/participants', {
    programId,
    displayName,
    birthDate: '1988-04-04',
    languages: [{ code: 'da', level: 5 }],
    consentGiven: true,
  });
  expect(citizen.status).toBe(201);
  const proposed = await call(page, 'POST', '/api/v1/mentorships', {
    participantId: citizen.body.id,
    mentorId,
  });
  expect(proposed.status).toBe(201);
  return proposed.body.id as string;
}

/** Close a mentorship a journey opened, so the demo stays as the other journeys expect it. */
async function closeMentorship(page: Page, id: string) {
  const now = await call(page, 'GET', `/api/v1/mentorships/${id}`);
  const closed = await call(
    page,
    'POST',
    `/api/v1/mentorships/${id}/close`,
    { reason: 'participant_choice', note: null },
    now.etag!,
  );
  expect(closed.status).toBe(200);
}

/** A date some days back, as the contact form's datetime-local field takes it. */
function daysAgo(days: number, hour = 10) {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
}

/** The mode chips the form offers, in order. */
const modeChips = (page: Page) =>
  page.getByRole('radiogroup', { name: 'How', exact: true }).locator('label').allTextContents();

describe('the plan, its goals and the agreed rhythm (Rampen)', () => {
  it('RAMP-3, RAMP-5: an employment goal lets the mentorship start; progress, achieved, the agreed rhythm; Danish and a phone', async () => {
    const page = await newPage(browser(), DESKTOP);
    await login(page, 'coordinator');
    const { programId } = await switchTo(page, /Rampen/);
    const mentor = await call(page, 'POST', '/api/v1/mentors', {
      programId,
      displayName: 'Lene Holm',
      birthDate: '1979-05-02',
      languages: [{ code: 'da', level: 5 }],
      capacity: 4,
    });
    expect(mentor.status).toBe(201);
    const id = await proposeCitizen(page, programId, mentor.body.id, 'Kasper Dahl');

    await page.goto(`/mentorships/${id}`);
    await page.getByTestId('mentorship-state').filter({ hasText: 'Awaiting a match' }).waitFor();
    await page
      .getByTestId('plan-required')
      .filter({ hasText: 'a goal in Employment before the mentorship starts (RAMP-3)' })
      .waitFor();
    await page.getByLabel('New goal').fill('Find a flex job with regular hours');
    await page.getByRole('button', { name: 'Add goal' }).click();
    const goal = page.getByTestId('goal').filter({ hasText: 'Find a flex job' });
    await goal.getByText('No support domain yet').waitFor();
    // The refusal names the program's domain in words, never the raw key.
    await page
      .getByText('Not allowed by program rule RAMP-3: the plan needs a goal in the domain “Employment”.')
      .waitFor();
    await goal.getByRole('button', { name: 'Edit the goal' }).click();
    await goal.getByLabel('Goal', { exact: true }).fill('Find a flex job with regular morning hours');
    await goal.getByRole('combobox', { name: 'Support domains' }).click({ force: true });
    await page.getByRole('option', { name: 'Employment' }).click();
    await page.keyboard.press('Escape');
    await goal.getByRole('button', { name: 'Save' }).click();
    await goal.getByText('Employment', { exact: true }).waitFor();
    await goal.getByText('Find a flex job with regular morning hours').waitFor();
    await page.getByTestId('plan-required').waitFor({ state: 'detached' });
    await page.getByLabel('New goal').fill('Join the football club');
    await page.getByRole('combobox', { name: 'Support domains' }).click({ force: true });
    await page.getByRole('option', { name: 'Network' }).click();
    await page.getByRole('option', { name: 'Leisure' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add goal' }).click();
    const club = page.getByTestId('goal').filter({ hasText: 'Join the football club' });
    await club.getByText('Leisure', { exact: true }).waitFor();
    await club.getByText('Network', { exact: true }).waitFor();
    await shot(page, '80-rampen-plan-with-employment-goal');

    await page.getByRole('button', { name: 'Start the mentorship' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start the mentorship' }).click();
    await page.getByTestId('mentorship-state').filter({ hasText: 'Active' }).waitFor();

    await goal.getByText('3', { exact: true }).click();
    await goal.getByTestId('goal-progress').filter({ hasText: '3/5' }).waitFor();
    await goal.getByRole('button', { name: 'Mark achieved' }).click();
    await goal.getByText('Achieved', { exact: true }).waitFor();

    const rhythm = page.getByTestId('agreed-rhythm');
    await rhythm.getByText('Not agreed yet').waitFor();
    await rhythm.getByLabel('Days between contacts').fill('14');
    await rhythm.getByRole('button', { name: 'Save the rhythm' }).click();
    await rhythm.getByText('In touch at least every 14 days').waitFor();
    await page.getByTestId('contact-log').getByText('No contacts logged yet.').waitFor();
    await shot(page, '81-rampen-mentorship-file-rhythm');
    expect(pageProblems(page)).toEqual([]);

    await chooseLanguage(page, 'Dansk');
    await rhythm.getByText('Kontakt mindst hver 14. dag').waitFor();
    await goal.getByText('Beskæftigelse', { exact: true }).waitFor();
    await shot(page, '82-rampen-mentorship-file-da');
    await page.setViewportSize(PHONE);
    expect(await overflowsSideways(page)).toBe(false);
    await shot(page, '83-rampen-mentorship-file-da-phone');
    await chooseLanguage(page, 'English');

    // The groups page says why there is nothing to plan in a program without groups.
    await page.setViewportSize(DESKTOP);
    await page.goto('/groups');
    await page.getByTestId('no-group-program').waitFor();
    expect(await page.getByRole('heading', { name: 'Plan a group' }).count()).toBe(0);

    await closeMentorship(page, id);
    await page.context().close();
  });
});

describe('the contact form asks what the program records', () => {
  it('SIVA-5: in the Latvian program the form offers e-mail, phone and messenger, starts on e-mail, and tags the day’s topics', async () => {
    const page = await newPage(browser(), PHONE);
    await login(page, 'mentor');
    await switchTo(page, /SIVA/);
    await page.goto('/log-contact');
    await page.getByLabel('With').first().click();
    await page.getByRole('option').first().click();
    await page.getByRole('radiogroup', { name: 'How', exact: true }).waitFor();
    expect(await modeChips(page)).toEqual(['Email', 'Phone', 'Message']);
    expect(await page.getByRole('radio', { name: 'Email' }).isChecked()).toBe(true);
    await page.getByLabel('When').fill(daysAgo(30));
    await page.getByRole('combobox', { name: 'Worked on' }).click({ force: true });
    await page.getByRole('option', { name: 'Study progress' }).click();
    await page.keyboard.press('Escape');
    // No accompaniment or special activity where the program has neither.
    expect(await page.getByLabel('Accompaniment').count()).toBe(0);
    expect(await page.getByText('A special activity').count()).toBe(0);
    await shot(page, '84-mentor-contact-siva-phone');
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Contact saved.').waitFor();
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('MUNI-1, MUNI-2: the municipal form offers e-mail, the jobcentre’s domains and the kinds of accompaniment', async () => {
    const page = await newPage(browser(), PHONE);
    await login(page, 'mentor');
    await switchTo(page, /Jobcentre/);
    await page.goto('/log-contact');
    await page.getByLabel('With').first().click();
    await page.getByRole('option').first().click();
    await page.getByRole('radiogroup', { name: 'How', exact: true }).waitFor();
    expect(await modeChips(page)).toEqual(['In person', 'Phone', 'Video', 'Message', 'Email']);
    await page.getByLabel('When').fill(daysAgo(31));
    await page.getByRole('combobox', { name: 'Worked on' }).click({ force: true });
    await page.getByRole('option', { name: 'Finding the way through the system' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Accompaniment', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Meeting with an authority' }).click();
    await shot(page, '85-mentor-contact-municipal-phone');
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Contact saved.').waitFor();
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('MOH-3: a long special outing goes over the weekly cap; the reason is asked, the contact is kept and listed on the file; Hebrew and Arabic', async () => {
    const page = await newPage(browser(), PHONE);
    await login(page, 'mentor');
    await page.goto('/log-contact');
    await page.getByLabel('With').first().click();
    await page.getByRole('option', { name: 'Amir Haddad' }).click();
    await page.getByRole('radiogroup', { name: 'How', exact: true }).waitFor();
    expect(await modeChips(page)).toEqual(['In person', 'Video', 'Phone', 'Message']);
    expect(await page.getByRole('radio', { name: 'In person' }).isChecked()).toBe(true);
    // Six weeks back: a week the coordinator's current list no longer looks at.
    await page.getByLabel('When').fill(daysAgo(42, 11));
    await page.getByRole('textbox', { name: 'Minutes' }).fill('240');
    await page.getByText('A special activity').click();
    await page.getByRole('combobox', { name: 'Worked on' }).click({ force: true });
    await page.getByRole('option', { name: 'Leisure in the community' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Note', { exact: true }).fill('A day at the sea with the group from the club.');
    // Phone and video offer no special activity: it is marked on the visits the cap counts.
    await page.getByText('Phone', { exact: true }).click();
    expect(await page.getByText('A special activity').count()).toBe(0);
    await page.getByText('In person', { exact: true }).click();
    // Back on a visit, the mark is still there: a tap on the wrong mode loses nothing.
    expect(await page.getByRole('checkbox', { name: 'A special activity' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Not allowed by program rule MOH-3/).waitFor();
    await page.getByLabel('Reason for going over the weekly cap').fill('The yearly outing of the club.');
    await shot(page, '86-mentor-contact-over-cap-phone');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Contact saved.').waitFor();

    await chooseLanguage(page, 'עברית');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('radio', { name: 'פנים אל פנים' }).waitFor({ state: 'attached' });
    await page.getByText('פעילות מיוחדת').waitFor();
    await shot(page, '87-mentor-contact-he-phone');
    expect(await overflowsSideways(page)).toBe(false);
    await chooseLanguage(page, 'العربية');
    await page.getByRole('radio', { name: 'وجهًا لوجه' }).waitFor({ state: 'attached' });
    await shot(page, '88-mentor-contact-ar-phone');
    expect(await overflowsSideways(page)).toBe(false);
    await chooseLanguage(page, 'English');
    await page.getByRole('radio', { name: 'In person' }).waitFor({ state: 'attached' });

    // The mentorship file lists the contact with its note; the mentor rates goals but writes none.
    const participants = await call(page, 'GET', '/api/v1/participants');
    const amir = (participants.body.items as { displayName: string; mentorshipId: string }[]).find(
      (p) => p.displayName === 'Amir Haddad',
    )!;
    await page.goto(`/mentorships/${amir.mentorshipId}`);
    const outing = page.getByTestId('contact').filter({ hasText: 'The yearly outing of the club.' });
    await page.getByTestId('contact-log').waitFor();
    await page.getByRole('button', { name: /Show all/ }).click();
    await outing.getByText('Special activity').waitFor();
    await outing.getByText('Leisure in the community').waitFor();
    await outing.getByTestId('contact-note').filter({ hasText: 'A day at the sea' }).waitFor();
    await page.getByTestId('plan').waitFor();
    expect(await page.getByLabel('New goal').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mark achieved' }).count()).toBe(0);
    await page.getByRole('radiogroup', { name: 'Progress (1–5)' }).first().waitFor();
    await outing.scrollIntoViewIfNeeded();
    await shot(page, '89-mentor-mentorship-file-contacts-phone');
    expect(await overflowsSideways(page)).toBe(false);
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});

describe('menus for the work of each role', () => {
  it('the committee opens its Needs attention and goes from a request to the inbox (TEN-09)', async () => {
    const page = await newPage(browser(), DESKTOP);
    await login(page, 'committee');
    await openNav(page, 'Needs attention', '/home');
    const list = page.getByTestId('attention-list');
    await list
      .getByText(/is waiting for a decision/)
      .first()
      .waitFor();
    await list.getByRole('link').first().click();
    await page.waitForURL((u) => u.pathname === '/inbox');
    await page.getByTestId('approval').first().waitFor();
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('the administrator reaches mentorships, groups, cohort allocation and approvals from the menu', async () => {
    const page = await newPage(browser(), DESKTOP);
    await login(page, 'admin');
    await openNav(page, 'Mentorships', '/mentorships');
    await page.getByRole('link', { name: 'Amir Haddad' }).first().waitFor();
    await openNav(page, 'Approvals', '/approvals');
    await openNav(page, 'Needs attention', '/home');
    await page.getByTestId('attention-list').waitFor();
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});

describe('a new Rampen mentor on their first day', () => {
  it('RAMP-4: the coordinator links the registry record to the new login; the mentor confirms the briefing from the refused contact and it is saved', async () => {
    const admin = await newPage(browser(), DESKTOP);
    await login(admin, 'admin');
    const { programId } = await switchTo(admin, /Rampen/);
    const email = `signe.${Date.now()}@rampen.example`;
    const user = await call(admin, 'POST', '/api/v1/users', {
      email,
      displayName: 'Signe Bak',
      role: 'mentor',
      locale: 'en',
    });
    expect(user.status).toBe(201);
    await admin.context().close();

    const coordinator = await newPage(browser(), DESKTOP);
    await login(coordinator, 'coordinator');
    await switchTo(coordinator, /Rampen/);
    const record = await call(coordinator, 'POST', '/api/v1/mentors', {
      programId,
      displayName: 'Signe Bak',
      birthDate: '1970-03-03',
      languages: [{ code: 'da', level: 5 }],
      capacity: 2,
    });
    expect(record.status).toBe(201);
    await coordinator.goto(`/mentors/${record.body.id}/edit`);
    await coordinator
      .getByTestId('briefing')
      .getByText(/Not briefed yet/)
      .waitFor();
    await coordinator.getByRole('combobox', { name: 'Sign-in' }).click();
    await coordinator.getByRole('option', { name: `Signe Bak · ${email}` }).click();
    await shot(coordinator, '90-coordinator-mentor-login-and-briefing');
    await coordinator.getByRole('button', { name: 'Save', exact: true }).click();
    await coordinator.waitForURL((u) => u.pathname === '/mentors');
    const linked = await call(coordinator, 'GET', `/api/v1/mentors/${record.body.id}`);
    expect(linked.body).toMatchObject({ userId: user.body.user.id, briefedAt: null });
    // A citizen who chose a mentor, and a plan with the employment goal: the mentorship starts.
    const id = await proposeCitizen(coordinator, programId, record.body.id, 'Mads Lund');
    await call(coordinator, 'POST', `/api/v1/mentorships/${id}/goals`, {
      title: 'A flex job at the library',
      domains: ['employment'],
    });
    const ready = await call(coordinator, 'GET', `/api/v1/mentorships/${id}`);
    expect((await call(coordinator, 'POST', `/api/v1/mentorships/${id}/start`, {}, ready.etag!)).status).toBe(
      200,
    );

    const mentor = await newPage(browser(), PHONE);
    await mentor.goto('/');
    await mentor.locator('input[autocomplete="username"]').fill(email);
    await mentor.locator('input[autocomplete="current-password"]').fill(user.body.oneTimePassword);
    await mentor.locator('form button[type="submit"]').click();
    // The one-time password is changed at the first sign-in.
    await mentor.locator('input[autocomplete="new-password"]').waitFor();
    await mentor.locator('input[autocomplete="current-password"]').fill(user.body.oneTimePassword);
    await mentor.locator('input[autocomplete="new-password"]').fill('a walk by the harbour on Thursdays');
    await mentor.locator('form button[type="submit"]').click();
    await mentor.getByTestId('user-role').waitFor();
    await mentor.goto('/log-contact');
    await mentor.getByRole('radiogroup', { name: 'How', exact: true }).waitFor();
    await mentor.getByText('30', { exact: true }).click();
    await mentor.getByRole('button', { name: 'Save' }).click();
    const confirm = mentor.getByTestId('confirm-briefing');
    await confirm.waitFor();
    await mentor.getByText(/Not allowed by program rule RAMP-4/).waitFor();
    await confirm.scrollIntoViewIfNeeded();
    await shot(mentor, '91-mentor-confirms-briefing-phone');
    expect(await overflowsSideways(mentor)).toBe(false);
    await confirm.getByRole('button', { name: 'I have been briefed' }).click();
    await mentor.getByText('Contact saved.').waitFor();
    expect(pageProblems(mentor)).toEqual([]);
    await mentor.context().close();

    await coordinator.goto(`/mentors/${record.body.id}/edit`);
    await coordinator.getByTestId('briefing-done').filter({ hasText: 'RAMP-4' }).waitFor();
    await coordinator.getByTestId('briefing').scrollIntoViewIfNeeded();
    await shot(coordinator, '92-coordinator-sees-briefing');
    await closeMentorship(coordinator, id);
    expect(pageProblems(coordinator)).toEqual([]);
    await coordinator.context().close();
  });
});
