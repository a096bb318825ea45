import { Worker } from 'node:worker_threads';

export type HeicDecoded =
  | { width: number; height: number; data: Buffer }
  | { error: 'unreadable' }
  | { error: 'too_many_pixels'; width: number; height: number };

/** A photo that does not decode in this long is treated as damaged (a decoder stuck on a crafted file). */
const DECODE_TIMEOUT_MS = 30_000;

/**
 * HEIC (an iPhone's default) to upright RGBA pixels, in a worker thread so the
 * server keeps answering while a large photo decodes. The pixel count is
 * checked from the header before the picture is decoded (FILE-02).
 */
export function decodeHeic(bytes: Buffer, maxPixels: number): Promise<HeicDecoded> {
  const copy = new Uint8Array(bytes).buffer;
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./heic-worker.mjs', import.meta.url), {
      workerData: { bytes: copy, maxPixels },
      transferList: [copy],
      // libheif prints its diagnostics; a damaged file is answered as such, not logged.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const done = (result: HeicDecoded) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => done({ error: 'unreadable' }), DECODE_TIMEOUT_MS);
    worker.once('message', (m: { error?: string; width?: number; height?: number; data?: ArrayBuffer }) => {
      if (m.error === 'too_many_pixels')
        done({ error: 'too_many_pixels', width: m.width!, height: m.height! });
      else if (m.error || !m.data) done({ error: 'unreadable' });
      else done({ width: m.width!, height: m.height!, data: Buffer.from(m.data) });
    });
    worker.once('error', () => done({ error: 'unreadable' }));
    worker.once('exit', () => done({ error: 'unreadable' }));
  });
}
