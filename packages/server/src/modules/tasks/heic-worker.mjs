// Decodes one HEIC photo off the server's event loop: libheif runs as
// WebAssembly on the thread that calls it, and a 12-megapixel photo takes from
// a few hundred milliseconds to seconds. Plain JavaScript, so it loads the same
// under every runner. Input: { bytes: ArrayBuffer, maxPixels: number }.
// Output: { width, height, data: ArrayBuffer (RGBA) } or { error, width?, height? }.
import { parentPort, workerData } from 'node:worker_threads';
import decode from 'heic-decode';

const { bytes, maxPixels } = workerData;
let images;
try {
  images = await decode.all({ buffer: new Uint8Array(bytes) });
} catch {
  parentPort.postMessage({ error: 'unreadable' });
  process.exit(0);
}
try {
  // The primary picture comes first; a HEIC can hold more (bursts, depth maps), which are not kept.
  const first = images[0];
  if (first.width * first.height > maxPixels) {
    parentPort.postMessage({ error: 'too_many_pixels', width: first.width, height: first.height });
  } else {
    const { width, height, data } = await first.decode();
    // libheif applies the file's rotation and mirroring, so the pixels come upright.
    parentPort.postMessage({ width, height, data: data.buffer }, [data.buffer]);
  }
} catch {
  parentPort.postMessage({ error: 'unreadable' });
} finally {
  images.dispose();
}
