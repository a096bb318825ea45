/**
 * Task photos for the demo (SIVA-4): small pictures drawn as shapes — a plate
 * of vegetables, a walk by the sea, a worksheet, knitting, a tidied room —
 * rendered to JPEG as a phone would send them, then taken through the upload's
 * own steps: checked by their bytes and re-encoded without metadata with a
 * small copy (FILE-01..03, `processPhoto`), stored under random keys through
 * the file store (FILE-04). No file leaves the repository or comes into it.
 */

import { type FileStore, newStorageKey } from '@tandem/server/files/store';
import { displayFileName, processPhoto } from '@tandem/server/modules/tasks/images';
import sharp from 'sharp';
import { DemoRandom } from './demo-random';
import type { DemoRows } from './demo-rows';

export const SCENES = ['dinner', 'walk', 'worksheet', 'knitting', 'room'] as const;
export type Scene = (typeof SCENES)[number];

const W = 800;
const H = 600;

const circle = (cx: number, cy: number, r: number, fill: string, extra = '') =>
  `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" ${extra}/>`;

/** A plate of vegetables on a table: tomato and cucumber slices, carrot sticks, broccoli. */
function dinner(rng: DemoRandom): string {
  const cloth = rng.pick(['#c9a27e', '#9fb8c9', '#d8c3a5', '#b7c9a0']);
  const parts = [`<rect width="${W}" height="${H}" fill="${cloth}"/>`];
  for (let x = 0; x < W; x += 80)
    parts.push(`<rect x="${x}" width="40" height="${H}" fill="#ffffff" opacity="0.12"/>`);
  parts.push(
    circle(400, 300, 250, '#00000022'),
    circle(395, 292, 245, '#fdfdfb'),
    circle(395, 292, 190, '#f1f0ea'),
  );
  for (let i = 0; i < 5; i++) {
    const a = (i / 5) * Math.PI + rng.next() * 0.3;
    const [x, y] = [395 + Math.cos(a) * 110, 250 + Math.sin(a) * 60];
    parts.push(circle(x, y, 34, '#d83a2e'), circle(x, y, 26, '#e8574a'));
    for (let s = 0; s < 3; s++) parts.push(circle(x - 10 + s * 10, y + (s % 2) * 6, 4, '#f6d58a'));
  }
  for (let i = 0; i < 6; i++) {
    const [x, y] = [260 + i * 28 + rng.int(-4, 4), 360 + rng.int(-12, 12)];
    parts.push(circle(x, y, 24, '#3f7d3a'), circle(x, y, 19, '#bfe3a1'), circle(x, y, 7, '#e9f5dc'));
  }
  for (let i = 0; i < 4; i++) {
    const x = 470 + i * 22;
    parts.push(
      `<rect x="${x}" y="${320 + rng.int(-10, 10)}" width="16" height="110" rx="8" fill="#f08a24" transform="rotate(${rng.int(-20, 20)} ${x} 370)"/>`,
    );
  }
  const [bx, by] = [330 + rng.int(-20, 20), 190];
  parts.push(`<rect x="${bx - 6}" y="${by}" width="14" height="50" rx="6" fill="#7aa35a"/>`);
  for (let i = 0; i < 7; i++) parts.push(circle(bx + rng.int(-26, 26), by + rng.int(-22, 4), 16, '#2f6b2f'));
  parts.push(`<rect x="690" y="120" width="18" height="360" rx="9" fill="#b9bcc2"/>`);
  return parts.join('');
}

/** A path between the dunes and the pines to the sea, the sun low over the water. */
function walk(rng: DemoRandom): string {
  const sunX = rng.int(150, 650);
  const parts = [
    '<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fb3e0"/><stop offset="1" stop-color="#f7d9a8"/></linearGradient></defs>',
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>`,
    circle(sunX, 250, 46, '#fff1c1'),
    `<rect y="270" width="${W}" height="90" fill="#3e7fb1"/>`,
  ];
  for (let i = 0; i < 8; i++)
    parts.push(
      `<rect x="${rng.int(0, 760)}" y="${rng.int(280, 350)}" width="40" height="4" rx="2" fill="#ffffff" opacity="0.6"/>`,
    );
  parts.push(`<path d="M0 360 Q200 330 400 360 T800 350 V600 H0 Z" fill="#e9d3a1"/>`);
  parts.push(`<path d="M330 600 Q380 470 400 360 L430 360 Q440 470 520 600 Z" fill="#d6bc85"/>`);
  for (let i = 0; i < 6; i++) {
    const x = i < 3 ? rng.int(10, 250) : rng.int(560, 780);
    const y = rng.int(330, 420);
    parts.push(`<rect x="${x - 5}" y="${y}" width="10" height="90" fill="#6b4a2b"/>`);
    parts.push(`<path d="M${x} ${y - 110} L${x - 45} ${y + 20} L${x + 45} ${y + 20} Z" fill="#2e5e3a"/>`);
  }
  return parts.join('');
}

/** A worksheet on a desk: ruled lines, boxes ticked, a pencil beside it. */
function worksheet(rng: DemoRandom): string {
  const angle = rng.int(-6, 6);
  const parts = [
    `<rect width="${W}" height="${H}" fill="${rng.pick(['#8d6e52', '#a1846a', '#6f5a48'])}"/>`,
    `<g transform="rotate(${angle} 400 300)">`,
    `<rect x="195" y="55" width="410" height="500" fill="#00000033"/>`,
    `<rect x="185" y="45" width="410" height="500" fill="#fbfaf5"/>`,
    `<rect x="215" y="75" width="220" height="18" rx="4" fill="#6d7a8c"/>`,
  ];
  for (let i = 0; i < 8; i++) {
    const y = 130 + i * 50;
    const width = rng.int(180, 300);
    parts.push(
      `<rect x="215" y="${y}" width="30" height="30" rx="4" fill="none" stroke="#6d7a8c" stroke-width="3"/>`,
    );
    parts.push(`<rect x="260" y="${y + 12}" width="${width}" height="6" rx="3" fill="#c8ccd4"/>`);
    if (i < 6 || rng.chance(0.5)) {
      parts.push(
        `<path d="M221 ${y + 15} L229 ${y + 24} L243 ${y + 5}" fill="none" stroke="#2e8b57" stroke-width="5" stroke-linecap="round"/>`,
      );
    }
  }
  parts.push('</g>');
  parts.push(`<g transform="rotate(${rng.int(20, 40)} 650 400)">`);
  parts.push('<rect x="630" y="220" width="26" height="300" fill="#f2c230"/>');
  parts.push('<path d="M630 520 L656 520 L643 560 Z" fill="#e8c9a0"/>');
  parts.push('<rect x="630" y="205" width="26" height="20" fill="#e88a8a"/></g>');
  return parts.join('');
}

/** Balls of yarn and a striped mitten on the needles. */
function knitting(rng: DemoRandom): string {
  const wool = rng.shuffle(['#c0392b', '#f4d03f', '#5d8aa8', '#e8e2d0', '#7d9f6b']);
  const parts = [`<rect width="${W}" height="${H}" fill="#efe6da"/>`];
  for (let i = 0; i < 3; i++) {
    const [x, y, r] = [140 + i * 120, 440 - (i % 2) * 40, 70];
    parts.push(circle(x, y, r, wool[i]!));
    for (let k = 0; k < 5; k++) {
      parts.push(
        `<path d="M${x - r + 10} ${y - 20 + k * 12} Q${x} ${y - 60 + k * 20} ${x + r - 10} ${y - 10 + k * 10}" fill="none" stroke="#00000030" stroke-width="4"/>`,
      );
    }
  }
  parts.push(
    `<path d="M520 120 h140 v260 q0 90 -70 90 q-70 0 -70 -90 Z" fill="${wool[3]}"/>`,
    `<path d="M520 260 q-60 -10 -60 50 q0 50 60 40 Z" fill="${wool[3]}"/>`,
  );
  for (let s = 0; s < 4; s++)
    parts.push(`<rect x="520" y="${160 + s * 55}" width="140" height="18" fill="${wool[4]}"/>`);
  parts.push(
    '<rect x="470" y="95" width="240" height="10" rx="5" fill="#8b6b4a" transform="rotate(-8 590 100)"/>',
  );
  return parts.join('');
}

/** A tidied room decorated for the holidays: the bed made, a plant, lights at the window. */
function room(rng: DemoRandom): string {
  const wall = rng.pick(['#e8dccb', '#dfe7e2', '#efe1e6']);
  const parts = [
    `<rect width="${W}" height="${H}" fill="${wall}"/>`,
    `<rect y="430" width="${W}" height="170" fill="#b08a64"/>`,
    '<rect x="470" y="80" width="240" height="200" fill="#ffffff"/>',
    '<rect x="482" y="92" width="216" height="176" fill="#a8cbe8"/>',
    '<rect x="586" y="92" width="8" height="176" fill="#ffffff"/>',
    '<rect x="60" y="320" width="360" height="150" rx="14" fill="#7b5a44"/>',
    `<rect x="70" y="300" width="340" height="120" rx="18" fill="${rng.pick(['#5b7fa6', '#8a5a8c', '#6a9a7b'])}"/>`,
    '<rect x="80" y="270" width="110" height="50" rx="20" fill="#f7f4ee"/>',
    '<rect x="640" y="380" width="70" height="70" rx="8" fill="#c1663f"/>',
  ];
  for (let i = 0; i < 6; i++) {
    parts.push(
      `<ellipse cx="${675 + rng.int(-30, 30)}" cy="${340 + rng.int(-40, 20)}" rx="16" ry="40" fill="#3d7d4a" transform="rotate(${rng.int(-40, 40)} 675 380)"/>`,
    );
  }
  parts.push('<path d="M470 80 Q590 130 710 80" fill="none" stroke="#5a4a3a" stroke-width="2"/>');
  for (let i = 0; i <= 10; i++) {
    const t = i / 10;
    const x = 470 + 240 * t;
    const y = 80 + 50 * 2 * t * (1 - t) * 2;
    parts.push(circle(x, y, 7, rng.pick(['#ffd24a', '#ff7a59', '#7ad1ff', '#b5f27a'])));
  }
  return parts.join('');
}

const DRAW: Record<Scene, (rng: DemoRandom) => string> = { dinner, walk, worksheet, knitting, room };

/** The picture as a phone would send it: a JPEG of the scene. */
export function drawPhoto(scene: Scene, seed: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${DRAW[scene](new DemoRandom(seed))}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

/**
 * Draw, check, re-encode and store every pending photo, as an upload does,
 * and complete its evidence row. Keys written are pushed to `written` before
 * the bytes go, so a failed demo load can delete what it stored.
 */
export async function storePhotos(rows: DemoRows, files: FileStore, written: string[]): Promise<void> {
  const stored = await Promise.all(
    rows.photos.map(async (pending) => {
      const photo = await processPhoto(await drawPhoto(pending.scene, pending.seed));
      const storageKey = newStorageKey(pending.row.orgId);
      const thumbKey = `${storageKey}.thumb`;
      written.push(storageKey, thumbKey);
      await files.put(storageKey, photo.full);
      await files.put(thumbKey, photo.thumb);
      return {
        ...pending.row,
        storageKey,
        thumbKey,
        fileName: displayFileName(pending.sentAs, photo.type),
        contentType: photo.type,
        byteSize: photo.full.length,
        width: photo.width,
        height: photo.height,
      };
    }),
  );
  rows.evidence.push(...stored);
}
