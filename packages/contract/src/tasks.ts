import { z } from 'zod';
import { safeText, zId } from './common';
import { zDate } from './people';

/** A task agreed by mentor and participant (SIVA-3). Created with an Idempotency-Key from phones. */
export const zTaskCreate = z.strictObject({
  mentorshipId: zId,
  title: safeText({ max: 200 }),
  description: safeText({ max: 2000, multiline: true }).nullable().default(null),
  dueOn: zDate,
});
export type TaskCreate = z.input<typeof zTaskCreate>;

/** An edit with If-Match (REL-03): name what changes. */
export const zTaskUpdate = z
  .strictObject({
    title: safeText({ max: 200 }),
    description: safeText({ max: 2000, multiline: true }).nullable(),
    dueOn: zDate,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
export type TaskUpdate = z.input<typeof zTaskUpdate>;

/** Done (with a few words on how it went, SIVA-4) or open again. */
export const zTaskStatusRequest = z.strictObject({
  status: z.enum(['open', 'done']),
  note: safeText({ max: 1000, multiline: true }).nullable().default(null),
});
export type TaskStatusRequest = z.input<typeof zTaskStatusRequest>;

/** The mentor's answer: a few words, praise, or both (SIVA-4). */
export const zTaskFeedbackCreate = z
  .strictObject({
    text: safeText({ max: 1000, multiline: true }).nullable().default(null),
    praise: z.boolean().default(false),
  })
  .refine((v) => v.text !== null || v.praise, { path: ['text'], message: 'Write something or give praise' });
export type TaskFeedbackCreate = z.input<typeof zTaskFeedbackCreate>;

export const zTaskEvidence = z.object({
  id: zId,
  /** The uploader's file name, as display text only (FILE-04). */
  fileName: z.string(),
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  byteSize: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  uploadedBy: zId,
  createdAt: z.string(),
  /** Authorised download routes; never a public storage URL (FILE-05). */
  url: z.string(),
  thumbUrl: z.string(),
});
export type TaskEvidence = z.infer<typeof zTaskEvidence>;

export const zTaskFeedback = z.object({
  id: zId,
  authorName: z.string(),
  authorRole: z.string(),
  text: z.string().nullable(),
  praise: z.boolean(),
  createdAt: z.string(),
});
export type TaskFeedback = z.infer<typeof zTaskFeedback>;

export const zTask = z.object({
  id: zId,
  mentorshipId: zId,
  participantId: zId,
  title: z.string(),
  description: z.string().nullable(),
  dueOn: zDate,
  status: z.enum(['open', 'done']),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  evidence: z.array(zTaskEvidence),
  feedback: z.array(zTaskFeedback),
});
export type Task = z.infer<typeof zTask>;

export const zTaskList = z.object({ items: z.array(zTask) });
export const zEvidenceParams = z.strictObject({ id: zId, evidenceId: zId });
export const zEvidenceQuery = z.strictObject({ size: z.enum(['full', 'thumb']).default('full') });
