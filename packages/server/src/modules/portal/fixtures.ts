/**
 * Test fixtures for the portal, sign-in codes and tasks: an organisation's
 * mentors and participants in running mentorships, the participants invited
 * through the real invitation route and signed in with a printed code.
 */
import { randomUUID } from 'node:crypto';
import type { CodeSheet } from '@tandem/contract';
import { buildMentorship } from '@tandem/db';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import {
  type Agent,
  codeLogin,
  type Harness,
  login,
  type Org,
  seedOrg,
  seedProgram,
} from '../../testing/harness';
import { mentorWithLogin, participant } from '../mentorships/fixtures';

export interface Pair {
  participantId: string;
  mentorshipId: string;
  mentor: Agent;
  participant: Agent;
  sheet: CodeSheet;
}

/** Invite a participant record to the portal as the coordinator; the sheet is the 201 body. */
export async function invite(
  coordinator: Agent,
  participantId: string,
  body: Record<string, unknown> = { locale: 'ar' },
): Promise<CodeSheet> {
  const res = await coordinator.post(`/api/v1/participants/${participantId}/portal-invitation`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CodeSheet;
}

/** An organisation with a coordinator and two mentor–participant pairs in active mentorships. */
export async function orgWithPairs(h: Harness, name: string) {
  const org: Org = await seedOrg(h, name);
  const programId = (await seedProgram(h, org.id, 'lv-siva-remote')).id;
  const coordinator = await login(h, org.users.coordinator.email);
  const pairs: Pair[] = [];
  for (const n of ['One', 'Two']) {
    const m = await mentorWithLogin(h, org, programId, `${name} Mentor ${n}`);
    const p = await participant(h, org, programId, `${name} Participant ${n}`);
    const ms = await buildMentorship(h.handle.db, {
      orgId: org.id,
      programId,
      participantId: p.id,
      mentorId: m.mentor.id,
      state: 'active',
      startedOn: '2026-02-01',
    });
    const sheet = await invite(coordinator, p.id, { locale: 'ar', codes: 3 });
    pairs.push({
      participantId: p.id,
      mentorshipId: ms.id,
      mentor: m.agent,
      participant: await codeLogin(h, sheet.codes[0]!.code),
      sheet,
    });
  }
  return { org, programId, coordinator, pairs: pairs as [Pair, Pair] };
}

/** A multipart/form-data body with one file, as a phone's browser sends it. */
export function multipart(
  file: { name: string; type?: string; bytes: Buffer },
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tandem-${randomUUID()}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\n` +
    `Content-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function upload(
  agent: Agent,
  taskId: string,
  file: { name: string; type?: string; bytes: Buffer },
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = multipart(file);
  return agent.inject({
    method: 'POST',
    url: `/api/v1/tasks/${taskId}/evidence`,
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
}

/** A task on the pair's mentorship, created by its mentor. */
export async function taskFor(pair: Pair, over: Record<string, unknown> = {}) {
  const res = await pair.mentor.post('/api/v1/tasks', {
    mentorshipId: pair.mentorshipId,
    title: 'Cook a healthy dinner',
    dueOn: '2026-03-08',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}
