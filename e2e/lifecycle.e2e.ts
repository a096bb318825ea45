import { describe, it } from 'vitest';
import { login, newPage, openNav, shot, useBrowser } from './support/browser';

const browser = useBrowser();

describe('mentorship lifecycle', () => {
  it('the coordinator sees what needs attention and records the trial review (MOH-4): the mentorship becomes active', async () => {
    const page = await newPage(browser());
    await login(page, 'coordinator');
    await openNav(page, 'Needs attention', '/home');
    await page.getByTestId('attention-list').waitFor();
    await shot(page, '30-coordinator-attention');
    await openNav(page, 'Mentorships', '/mentorships');
    await page.getByRole('link', { name: 'Dana Mizrahi' }).click();
    await page.getByTestId('mentorship-state').filter({ hasText: 'Trial' }).waitFor();
    await shot(page, '31-mentorship-file-trial');
    await page.getByRole('button', { name: 'Review the trial period' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Review the trial period' }).click();
    await page.getByTestId('mentorship-state').filter({ hasText: 'Active' }).waitFor();
    await shot(page, '32-mentorship-file-active');
    await page.context().close();
  });

  it('a coordinator asks for an extension (MOH-5) and a committee member approves it', async () => {
    const coordinator = await newPage(browser());
    await login(coordinator, 'coordinator');
    await openNav(coordinator, 'Mentorships', '/mentorships');
    await coordinator.getByRole('link', { name: 'Amir Haddad' }).click();
    await coordinator.getByRole('button', { name: 'Request an extension' }).click();
    const dialog = coordinator.getByRole('dialog');
    // Amir started about thirteen months before the demo's load day: eighteen months from today lies
    // after his planned end and within the three-year cap (MOH-6).
    const until = new Date();
    until.setUTCMonth(until.getUTCMonth() + 18);
    await dialog.getByLabel('Until').fill(until.toISOString().slice(0, 10));
    await dialog.getByLabel('Why it is needed').fill('Amir is close to a job placement; continuity matters.');
    await dialog.getByRole('button', { name: 'Request an extension' }).click();
    await coordinator.getByText('Extension (MOH-5)').waitFor();
    await coordinator.context().close();

    const committee = await newPage(browser());
    await login(committee, 'committee');
    await committee.getByTestId('approval').filter({ hasText: 'Amir Haddad' }).waitFor();
    await shot(committee, '33-committee-inbox');
    const card = committee.getByTestId('approval').filter({ hasText: 'Amir Haddad' });
    await card
      .getByLabel('Reason for your decision')
      .fill('Approved by the Rehabilitation Committee, meeting 12.');
    await card.getByRole('button', { name: 'Approve' }).click();
    await committee.getByText('Waiting for a decision').click();
    // Decided, it leaves the pending list; the demo's other pending requests stay.
    await committee.getByTestId('approval').filter({ hasText: 'Amir Haddad' }).waitFor({ state: 'detached' });
    await committee.getByTestId('approval').filter({ hasText: 'Menachem Gross' }).waitFor();
    await committee.context().close();
  });

  it('MOH-11: the coordinator sees explained candidates for a waiting participant and proposes the match', async () => {
    const page = await newPage(browser());
    await login(page, 'coordinator');
    await openNav(page, 'Participants', '/participants');
    await page.getByRole('link', { name: 'Khaled Mansour' }).click();
    const panel = page.getByTestId('candidates');
    await panel.getByText('Samira Haddad').waitFor();
    // Samira and Fadi both speak Arabic natively.
    await panel.getByText('shares Arabic (5/5)').first().waitFor();
    await panel.getByText(/Yossi Cohen: .*MOH-11/).waitFor();
    await shot(page, '34-candidates');
    await panel.getByRole('button', { name: 'Propose match' }).first().click();
    await page.getByTestId('mentorship-state').filter({ hasText: 'Awaiting' }).waitFor();
    await shot(page, '35-match-proposed');
    await page.context().close();
  });
});
