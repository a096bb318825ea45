import { describe, expect, it } from 'vitest';
import {
  baseUrl,
  DEMO_PASSWORD,
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

describe('SIVA-2: daily contact, at a glance', () => {
  it('SIVA-2: a student not reached today shows on the mentor’s phone, and a logged call clears them', async () => {
    // In the demo's Latvian program, Amir has not answered this morning's message yet.
    const page = await newPage(browser(), PHONE);
    await login(page, 'mentor');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByLabel('Switch organisation').first().click();
    await page.getByRole('option', { name: /SIVA/ }).click();
    await page.getByText('Tandem Demo — SIVA Social Mentoring').first().waitFor({ state: 'attached' });
    await page.goto('/home');
    const widget = page.getByTestId('not-reached-today');
    await widget.getByRole('link', { name: 'Amir Haddad', exact: true }).waitFor();
    await shot(page, '65-mentor-not-reached-today-phone');
    expect(await overflowsSideways(page)).toBe(false);
    await widget.getByRole('link', { name: 'Log a contact' }).click();
    await page.waitForURL((u) => u.pathname === '/log-contact');
    await page.getByLabel('With').first().click();
    await page.getByRole('option', { name: 'Amir Haddad' }).click();
    await page.getByText('Phone', { exact: true }).click();
    await page.getByText('15', { exact: true }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Contact saved.').waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    const fresh = page.waitForResponse((r) => r.url().endsWith('/api/v1/attention') && r.status() === 200);
    await openNav(page, 'Needs attention', '/home');
    await fresh;
    // He was the mentor's only student not reached today: once the list has come back, the panel is gone.
    await expect.poll(() => page.getByTestId('not-reached-today').count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('SIVA-2: the student’s own check-in in the Latvian program shows on their file for the mentor, score and note', async () => {
    // The student checks in from their phone in the SIVA program (their portal calls the same endpoint).
    const login1 = await fetch(`${baseUrl()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'participant@demo.tandem', password: DEMO_PASSWORD }),
    });
    expect(login1.status).toBe(200);
    const first = (await login1.json()) as {
      csrfToken: string;
      memberships: { orgId: string; orgName: string }[];
    };
    const siva = first.memberships.find((m) => /SIVA/.test(m.orgName))!;
    const switched = await fetch(`${baseUrl()}/api/v1/auth/switch-org`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: login1.headers.get('set-cookie')!.split(';')[0]!,
        'x-csrf-token': first.csrfToken,
      },
      body: JSON.stringify({ orgId: siva.orgId }),
    });
    expect(switched.status).toBe(200);
    const cookie = (switched.headers.get('set-cookie') ?? login1.headers.get('set-cookie')!).split(';')[0]!;
    const { csrfToken } = (await switched.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
    const body = JSON.stringify({ wellbeing: 2, note: 'Could not sleep before the interview' });
    const checkIn = await fetch(`${baseUrl()}/api/v1/check-ins`, { method: 'POST', headers, body });
    if (checkIn.status === 422) {
      // Another journey checked this person in today already: today's check-in is edited instead (SIVA-2).
      const today = (
        (await (await fetch(`${baseUrl()}/api/v1/check-ins`, { headers })).json()) as {
          items: { id: string; version: number }[];
        }
      ).items[0]!;
      const edit = await fetch(`${baseUrl()}/api/v1/check-ins/${today.id}`, {
        method: 'PATCH',
        headers: { ...headers, 'if-match': `"${today.version}"` },
        body,
      });
      expect(edit.status).toBe(200);
    } else {
      expect(checkIn.status).toBe(201);
    }

    const page = await newPage(browser(), DESKTOP);
    await login(page, 'mentor');
    await page.getByLabel('Switch organisation').first().click();
    await page.getByRole('option', { name: /SIVA/ }).click();
    await page.getByText('Tandem Demo — SIVA Social Mentoring').first().waitFor();
    await openNav(page, 'My caseload', '/caseload');
    await page.getByRole('link', { name: 'Amir Haddad' }).first().click();
    const panel = page.getByTestId('check-ins-panel');
    await panel.getByText('Could not sleep before the interview').waitFor();
    await panel.locator('[data-score="2"]').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await shot(page, '67-mentor-participant-check-ins');
    expect(pageProblems(page)).toEqual([]);
    await page.context().close();
  });
});
