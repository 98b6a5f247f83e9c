// Draws the app icons (a white Wi-Fi sign with a water drop on brand blue) as PNGs, with no
// image library: pixels are computed, then written as a PNG by hand (zlib + CRC-32).
// Run `npm run icons` after changing it; the PNGs are committed under public/icons/.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [21, 91, 181];
const WHITE = [255, 255, 255];

function draw(size, { maskable = false } = {}) {
  const px = Buffer.alloc(size * size * 4);
  const s = size / 512;
  const pad = maskable ? 0 : 24 * s; // maskable: full bleed; its safe zone is the inner 80 %
  const radius = maskable ? 0 : 96 * s;
  const scale = maskable ? 0.78 : 1;
  const cx = 256 * s, cy = 330 * s;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let alpha = insideRoundedSquare(x + 0.5, y + 0.5, pad, size - pad, radius) ? 1 : 0;
      let colour = BLUE;
      const dx = (x + 0.5 - cx) / scale, dy = (y + 0.5 - cy) / scale + (maskable ? -20 * s : 0);
      const r = Math.hypot(dx, dy);
      const angle = Math.atan2(-dy, dx); // 0 = right, pi/2 = up
      const inFan = angle > Math.PI / 4 && angle < (3 * Math.PI) / 4;
      const ring = (r0) => Math.abs(r - r0) < 22 * s;
      if (alpha && ((inFan && (ring(90 * s) || ring(160 * s) || ring(230 * s))) || r < 36 * s)) colour = WHITE;
      const i = (y * size + x) * 4;
      px[i] = colour[0]; px[i + 1] = colour[1]; px[i + 2] = colour[2]; px[i + 3] = Math.round(alpha * 255);
    }
  }
  return png(size, px);
}

function insideRoundedSquare(x, y, lo, hi, r) {
  if (x < lo || y < lo || x > hi || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

function png(size, rgba) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

writeFileSync('public/icons/icon-192.png', draw(192));
writeFileSync('public/icons/icon-512.png', draw(512));
writeFileSync('public/icons/icon-maskable-512.png', draw(512, { maskable: true }));
console.log('icons written to public/icons/');
