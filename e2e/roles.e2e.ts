import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  login,
  newPage,
  overflowsSideways,
  PHONE,
  pageProblems,
  shot,
  useBrowser,
} from './support/browser';

const browser = useBrowser();

/** What each role finds in its navigation, in order (the shell's role layouts). */
const NAV: Record<string, string[]> = {
  admin: [
    'Users',
    'Audit log',
    'Needs attention',
    'Participants',
    'Mentors',
    'Mentorships',
    'Signs of risk',
    'Groups',
    'Cohort allocation',
    'Approvals',
  ],
  coordinator: [
    'Needs attention',
    'Participants',
    'Mentors',
    'Mentorships',
    'Signs of risk',
    'Groups',
    'Cohort allocation',
    'Approvals',
  ],
  mentor: ['Needs attention', 'My caseload', 'Log a contact', 'Report a risk', 'My week', 'Groups'],
  committee: ['Approvals inbox', 'Needs attention'],
  evaluator: ['Reports'],
  participant: ['My mentorship'],
};

describe('navigation by role', () => {
  for (const [role, links] of Object.entries(NAV)) {
    it(`${role}: sees exactly its own areas`, async () => {
      const page = await newPage(browser());
      await login(page, role);
      const nav = page.getByRole('navigation');
      await nav.getByRole('link').first().waitFor();
      await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(links);
      expect(pageProblems(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('an area not built yet says so honestly, in the reader’s language, on a phone too', async () => {
    const page = await newPage(browser(), PHONE);
    await login(page, 'evaluator');
    await page.getByText('This area is being built').waitFor();
    await shot(page, '50-phone-placeholder-en');
    await chooseLanguage(page, 'Latviešu');
    await page.waitForFunction(() => document.documentElement.lang === 'lv');
    await page.getByRole('heading', { name: 'Pārskati' }).waitFor();
    await shot(page, '51-phone-placeholder-lv');
    expect(await overflowsSideways(page)).toBe(false);
    await chooseLanguage(page, 'English');
    await page.getByText('This area is being built').waitFor();
    await page.context().close();
  });
});
