import { auditEvents } from '@tandem/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, type Org, seedOrg, seedProgram, startHarness } from '../../testing/harness';

let h: Harness;
let a: Org;
let b: Org;
let programId: string;

beforeAll(async () => {
  h = await startHarness();
  a = await seedOrg(h, 'Alpha');
  b = await seedOrg(h, 'Beta');
  programId = (await seedProgram(h, a.id, 'il-social-mentorship')).id;
});
afterAll(() => h.close());

describe('programs', () => {
  it('MOH-3: every role reads the program with the Israeli preset resolved (3 hours, 2 visits a week)', async () => {
    const mentor = await login(h, a.users.mentor.email);
    const res = await mentor.get(`/api/v1/programs/${programId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().policy.weeklyCap).toMatchObject({ ruleId: 'MOH-3', maxHours: 3, maxVisits: 2 });
    expect(res.json().policy.weekStartsOn).toBe('sunday');
  });

  it('an admin overrides a value; the override is validated, merged and audited', async () => {
    const admin = await login(h, a.users.admin.email);
    const bad = await admin.patch(
      `/api/v1/programs/${programId}`,
      { policyOverrides: { weeklyCap: { maxHours: -2 } } },
      { 'if-match': '"1"' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('policyOverrides.weeklyCap.maxHours');
    const ok = await admin.patch(
      `/api/v1/programs/${programId}`,
      { policyOverrides: { weeklyCap: { maxHours: 4 } } },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().policy.weeklyCap).toMatchObject({ ruleId: 'MOH-3', maxHours: 4, maxVisits: 2 });
    const [row] = await h.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'program.update'));
    expect(row).toMatchObject({ entityId: programId, detail: { overridden: ['weeklyCap'], renamed: false } });
  });

  it('a coordinator may not change the rules, and another organisation cannot see the program', async () => {
    const coordinator = await login(h, a.users.coordinator.email);
    expect(
      (await coordinator.patch(`/api/v1/programs/${programId}`, { name: 'x' }, { 'if-match': '"2"' }))
        .statusCode,
    ).toBe(403);
    const other = await login(h, b.users.admin.email);
    expect((await other.get(`/api/v1/programs/${programId}`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/programs')).json().items).toEqual([]);
  });
});
