/** Task photos (SIVA-4): FILE-01 … FILE-05, REL-02, AUD-01, TEN-03. */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { auditEvents, taskEvidence } from '@tandem/db';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../testing/harness';
import { orgWithPairs, type Pair, taskFor, upload } from '../portal/fixtures';

const QUOTA = 3 * 1024 * 1024;
let h: Harness;
let one: Pair;
let two: Pair;
let elsewhere: Pair;
let jpeg: Buffer;
let gpsJpeg: Buffer;
const filesDir = () => h.filesDir!;

/** A real photo-like JPEG: noise compresses badly, like a camera's picture. */
async function photo(width: number, height: number, opts: { gps?: boolean } = {}) {
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  const img = sharp(noise, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 });
  if (opts.gps) {
    img.withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Cheap 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '32/1 48/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '34/1 59/1 1000/100',
      },
    });
  }
  return img.toBuffer();
}

/** A greyscale PNG around raw scanlines; `stored` keeps the bytes uncompressed in IDAT. */
function png(width: number, height: number, scanlines: Buffer, stored = false): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(scanlines, { level: stored ? 0 : 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PNG whose header claims 50 000 × 50 000 pixels in a few dozen bytes (a pixel flood). */
const pixelFlood = () => png(50_000, 50_000, Buffer.alloc(1024));

/** Whether an EXIF block carries the GPS IFD pointer (tag 0x8825) in either byte order. */
const hasGpsPointer = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

const storedFiles = () =>
  readdirSync(filesDir(), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-04T07:00:00Z', uploadQuotaBytes: QUOTA });
  const a = await orgWithPairs(h, 'Alpha');
  [one, two] = a.pairs;
  elsewhere = (await orgWithPairs(h, 'Beta')).pairs[0];
  jpeg = await photo(320, 240);
  gpsJpeg = await photo(640, 480, { gps: true });
});
afterAll(() => h.close());

function expectProblem(
  res: Awaited<ReturnType<typeof upload>>,
  status: number,
  code: string,
  ruleId?: string,
) {
  expect({ status: res.statusCode, type: res.headers['content-type'] }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  expect(res.json()).toMatchObject({ code, ...(ruleId ? { ruleId } : {}) });
}

describe('FILE-01: only photos, known by their bytes', () => {
  it.each([
    ['HTML named .jpg', 'page.jpg', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>')],
    [
      'SVG named .jpg',
      'logo.jpg',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    ],
    [
      'PDF named .jpg',
      'form.jpg',
      Buffer.from('%PDF-1.7\n1 0 obj << /OpenAction << /JS (app.alert(1)) >> >>'),
    ],
    ['ZIP named .png', 'pics.png', Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000archive')],
  ])('FILE-01: %s is refused with 415', async (_label, name, bytes) => {
    const task = await taskFor(one);
    const res = await upload(one.participant, task.id, { name, type: 'image/jpeg', bytes });
    expectProblem(res, 415, 'file_type_not_allowed', 'FILE-01');
  });

  it('FILE-01: a JPEG that also carries HTML (a polyglot) is refused with 415', async () => {
    const task = await taskFor(one);
    const bytes = Buffer.concat([
      jpeg,
      Buffer.from('<html><body><script>fetch("/api")</script></body></html>'),
    ]);
    const res = await upload(one.participant, task.id, { name: 'holiday.jpg', bytes });
    expectProblem(res, 415, 'polyglot_refused', 'FILE-01');
  });

  it('FILE-01: HTML in a JPEG comment segment is refused; pixels that happen to spell "<svg" are a photo', async () => {
    const task = await taskFor(one);
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>', 'latin1');
    const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, html.length + 2]), html]);
    const commented = Buffer.concat([jpeg.subarray(0, 2), com, jpeg.subarray(2)]);
    expect((await sharp(commented).metadata()).width).toBe(320);
    const refused = await upload(one.participant, task.id, { name: 'c.jpg', bytes: commented });
    expectProblem(refused, 415, 'polyglot_refused', 'FILE-01');
    // A PNG stored without compression, so its picture data holds the bytes "<svg onload" literally.
    const row = Buffer.concat([Buffer.from([0]), Buffer.from('<svg onload=x>'.padEnd(48, ' '), 'latin1')]);
    const pattern = png(48, 16, Buffer.concat(Array.from({ length: 16 }, () => row)), true);
    expect(pattern.includes(Buffer.from('<svg onload'))).toBe(true);
    const accepted = await upload(one.participant, task.id, {
      name: 'pattern.png',
      type: 'image/png',
      bytes: pattern,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('FILE-01, FILE-03: an iPhone HEIC photo is accepted and stored as an upright JPEG with its GPS gone', async () => {
    // A 320 × 240 HEIC (HEVC) with EXIF GPS and a camera make, as a phone writes it.
    const heic = readFileSync(join(import.meta.dirname, 'fixtures', 'gps.heic'));
    expect(heic.toString('latin1', 4, 12)).toBe('ftypheic');
    expect(heic.includes(Buffer.from('TestPhone'))).toBe(true);
    const task = await taskFor(one);
    const res = await upload(one.participant, task.id, {
      name: 'IMG_0001.HEIC',
      type: 'image/heic',
      bytes: heic,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      width: 320,
      height: 240,
      contentType: 'image/jpeg',
      fileName: 'IMG_0001.jpg',
    });
    const [row] = await h.handle.db.select().from(taskEvidence).where(eq(taskEvidence.id, res.json().id));
    const onDisk = readFileSync(join(filesDir(), ...row!.storageKey.split('/')));
    const stored = await sharp(onDisk).metadata();
    expect({ format: stored.format, w: stored.width, h: stored.height, exif: stored.exif }).toEqual({
      format: 'jpeg',
      w: 320,
      h: 240,
      exif: undefined,
    });
    expect(onDisk.includes(Buffer.from('TestPhone'))).toBe(false);
    // The picture survived: the top-left quarter of the fixture is orange-ish (220, 180, 90).
    const { data } = await sharp(onDisk).extract({ left: 40, top: 30, width: 1, height: 1 }).raw().toBuffer({
      resolveWithObject: true,
    });
    expect(Math.abs(data[0]! - 220) + Math.abs(data[1]! - 180) + Math.abs(data[2]! - 90)).toBeLessThan(40);
  });

  it('FILE-01: a cut-off HEIC, and an AVIF (an ISO media file that is not HEIC), are refused by name', async () => {
    const task = await taskFor(one);
    const heic = readFileSync(join(import.meta.dirname, 'fixtures', 'gps.heic'));
    expectProblem(
      await upload(one.participant, task.id, {
        name: 'cut.heic',
        bytes: heic.subarray(0, heic.length - 300),
      }),
      422,
      'image_unreadable',
      'FILE-01',
    );
    const avif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .avif()
      .toBuffer();
    expectProblem(
      await upload(one.participant, task.id, { name: 'x.avif', bytes: avif }),
      415,
      'file_type_not_allowed',
      'FILE-01',
    );
  });

  it('FILE-01: a zero-byte file and a truncated JPEG are refused clearly, and nothing is stored', async () => {
    const task = await taskFor(one);
    const before = storedFiles().length;
    expectProblem(
      await upload(one.participant, task.id, { name: 'empty.jpg', bytes: Buffer.alloc(0) }),
      422,
      'file_empty',
      'FILE-01',
    );
    const truncated = gpsJpeg.subarray(0, Math.floor(gpsJpeg.length * 0.6));
    expectProblem(
      await upload(one.participant, task.id, { name: 'cut.jpg', bytes: truncated }),
      422,
      'image_unreadable',
      'FILE-01',
    );
    expect(storedFiles().length).toBe(before);
    expect(await h.handle.db.select().from(taskEvidence).where(eq(taskEvidence.taskId, task.id))).toEqual([]);
  });

  it('a JSON body instead of a file is a 415 problem', async () => {
    const task = await taskFor(one);
    const res = await one.participant.post(`/api/v1/tasks/${task.id}/evidence`, { file: 'abc' });
    expectProblem(res, 415, 'multipart_required');
  });
});

describe('FILE-02: sizes, pixels, counts and quota', () => {
  it.each([
    ['11 MB', 11],
    ['30 MB', 30],
  ])('FILE-02: a %s file is refused with 413', async (_label, mb) => {
    const task = await taskFor(one);
    const big = Buffer.concat([jpeg, Buffer.alloc(mb * 1024 * 1024)]);
    const res = await upload(one.participant, task.id, { name: 'big.jpg', bytes: big });
    expectProblem(res, 413, 'file_too_large', 'FILE-02');
  });

  it('FILE-02: a 50 000 × 50 000 PNG in a tiny file (pixel flood) is refused with 422', async () => {
    const task = await taskFor(one);
    const flood = pixelFlood();
    expect(flood.length).toBeLessThan(200);
    const res = await upload(one.participant, task.id, {
      name: 'flood.png',
      type: 'image/png',
      bytes: flood,
    });
    expectProblem(res, 422, 'image_too_many_pixels', 'FILE-02');
    expect(res.json().params).toMatchObject({ width: 50_000, height: 50_000 });
  });

  it('FILE-02: a task holds five photos; the sixth is refused', async () => {
    const task = await taskFor(one);
    for (let i = 0; i < 5; i++) {
      expect((await upload(one.participant, task.id, { name: `p${i}.jpg`, bytes: jpeg })).statusCode).toBe(
        201,
      );
    }
    expectProblem(
      await upload(one.participant, task.id, { name: 'p6.jpg', bytes: jpeg }),
      422,
      'too_many_files',
      'FILE-02',
    );
  });

  it('FILE-02: past the per-person quota the upload is refused with 422; others still upload', async () => {
    const big = await photo(1600, 1200);
    let last = 0;
    for (let i = 0; i < 20 && last !== 422; i++) {
      const task = await taskFor(two);
      last = (await upload(two.participant, task.id, { name: 'big.jpg', bytes: big })).statusCode;
      if (last === 422) {
        const res = await upload(two.participant, task.id, { name: 'big.jpg', bytes: big });
        expectProblem(res, 422, 'upload_quota_exceeded', 'FILE-02');
        expect(res.json().params.quotaBytes).toBe(QUOTA);
      } else expect(last).toBe(201);
    }
    expect(last).toBe(422);
    const task = await taskFor(two);
    expect((await upload(two.mentor, task.id, { name: 'small.jpg', bytes: jpeg })).statusCode).toBe(201);
  });
});

describe('FILE-03: re-encoded without metadata', () => {
  it('FILE-03: a JPEG with GPS EXIF is stored with no EXIF or GPS, its dimensions preserved', async () => {
    const source = await sharp(gpsJpeg).metadata();
    expect(hasGpsPointer(source.exif)).toBe(true);
    const task = await taskFor(one);
    const res = await upload(one.participant, task.id, { name: 'walk.jpg', bytes: gpsJpeg });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ width: 640, height: 480, contentType: 'image/jpeg' });
    const [row] = await h.handle.db.select().from(taskEvidence).where(eq(taskEvidence.id, res.json().id));
    const onDisk = readFileSync(join(filesDir(), ...row!.storageKey.split('/')));
    const stored = await sharp(onDisk).metadata();
    expect({ w: stored.width, h: stored.height, exif: stored.exif, xmp: stored.xmp }).toEqual({
      w: 640,
      h: 480,
      exif: undefined,
      xmp: undefined,
    });
    expect(onDisk.includes(Buffer.from('PhoneMaker'))).toBe(false);
    const downloaded = await one.mentor.inject({ method: 'GET', url: res.json().url });
    expect(downloaded.rawPayload.equals(onDisk)).toBe(true);
    const thumb = await one.mentor.inject({ method: 'GET', url: res.json().thumbUrl });
    const t = await sharp(thumb.rawPayload).metadata();
    expect({ w: t.width, h: t.height, exif: t.exif }).toEqual({ w: 480, h: 360, exif: undefined });
  });
});

describe('FILE-04: random keys, names as text, a safe download', () => {
  it.each([
    ['../../etc/passwd', 'passwd.jpg'],
    ['a\u202Egpj.exe', 'agpj.jpg'],
    ['%2e%2e%2f', '%2e%2e%2f.jpg'],
    ['C:\\Users\\dana\\זיכרון.jpeg', 'זיכרון.jpg'],
  ])('FILE-04: %j is stored under a random key and shown as %j', async (name, shown) => {
    const task = await taskFor(one);
    const res = await upload(one.participant, task.id, { name, bytes: jpeg });
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe(shown);
    const [row] = await h.handle.db.select().from(taskEvidence).where(eq(taskEvidence.id, res.json().id));
    expect(row!.storageKey).toMatch(/^[0-9a-f-]{36}\/[0-9a-f]{32}$/);
    expect(
      storedFiles().every((f) => f.startsWith(filesDir()) && !f.includes('passwd') && !f.includes('..')),
    ).toBe(true);
    const dl = await one.participant.inject({ method: 'GET', url: res.json().url });
    expect(dl.statusCode).toBe(200);
    const disposition = String(dl.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(shown);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(dl.headers['content-type']).toBe('image/jpeg');
  });
});

describe('FILE-05 and TEN-03: a photo has its task’s scope', () => {
  it('FILE-05: another participant, another mentor and another organisation get 404; the owners get the photo', async () => {
    const task = await taskFor(one);
    const res = await upload(one.participant, task.id, { name: 'mine.jpg', bytes: jpeg });
    const url = res.json().url as string;
    for (const [who, agent, status] of [
      ['the participant', one.participant, 200],
      ['their mentor', one.mentor, 200],
      ['another participant', two.participant, 404],
      ['another mentor', two.mentor, 404],
      ['another organisation', elsewhere.mentor, 404],
    ] as const) {
      const got = await agent.inject({ method: 'GET', url });
      expect({ who, status: got.statusCode }).toEqual({ who, status });
    }
    const random = await one.participant.inject({
      method: 'GET',
      url: `/api/v1/tasks/${task.id}/evidence/${randomUUID()}`,
    });
    expect(random.statusCode).toBe(404);
    expect((await upload(two.participant, task.id, { name: 'x.jpg', bytes: jpeg })).statusCode).toBe(404);
    expect((await two.participant.del(url)).statusCode).toBe(404);
  });

  it('AUD-01: each read of a photo writes one audit row naming the participant', async () => {
    const task = await taskFor(one);
    const res = await upload(one.participant, task.id, { name: 'x.jpg', bytes: jpeg });
    await one.mentor.inject({ method: 'GET', url: res.json().url });
    const rows = await h.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'task_evidence.read'), eq(auditEvents.entityId, res.json().id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorRole: 'mentor', subjectId: one.participantId });
  });

  it('only who sent a photo removes it; then its bytes are gone', async () => {
    const task = await taskFor(one);
    const res = await upload(one.participant, task.id, { name: 'oops.jpg', bytes: jpeg });
    const [row] = await h.handle.db.select().from(taskEvidence).where(eq(taskEvidence.id, res.json().id));
    expect((await one.mentor.del(res.json().url)).statusCode).toBe(403);
    expect((await one.participant.del(res.json().url)).statusCode).toBe(204);
    expect(storedFiles().some((f) => f.endsWith(row!.storageKey.split('/')[1]!))).toBe(false);
    expect((await one.participant.inject({ method: 'GET', url: res.json().url })).statusCode).toBe(404);
  });
});

describe('REL-02: a phone retrying an upload', () => {
  it('REL-02: the same Idempotency-Key and file twice store one photo; another file under that key is 422', async () => {
    const task = await taskFor(one);
    const key = randomUUID();
    const first = await upload(
      one.participant,
      task.id,
      { name: 'dinner.jpg', bytes: jpeg },
      { 'idempotency-key': key },
    );
    const files = storedFiles().length;
    const again = await upload(
      one.participant,
      task.id,
      { name: 'dinner.jpg', bytes: jpeg },
      { 'idempotency-key': key },
    );
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(storedFiles().length).toBe(files);
    expect(
      await h.handle.db.select().from(taskEvidence).where(eq(taskEvidence.taskId, task.id)),
    ).toHaveLength(1);
    const other = await upload(
      one.participant,
      task.id,
      { name: 'dinner.jpg', bytes: gpsJpeg },
      { 'idempotency-key': key },
    );
    expect(other.statusCode).toBe(422);
    expect(storedFiles().length).toBe(files);
  });
});
