// Draws images/icon.png (128x128): a trust ladder, five rising bars on a navy tile.
// Kept as a script so the icon can be regenerated without an image editor.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const S = 128;
const px = Buffer.alloc(S * S * 4);
function set(x, y, [r, g, b, a]) {
  const i = (y * S + x) * 4;
  const A = a / 255;
  px[i] = Math.round(r * A + px[i] * (1 - A));
  px[i + 1] = Math.round(g * A + px[i + 1] * (1 - A));
  px[i + 2] = Math.round(b * A + px[i + 2] * (1 - A));
  px[i + 3] = Math.max(px[i + 3], a);
}
// Rounded tile with a vertical gradient.
const R = 22;
for (let y = 0; y < S; y++)
  for (let x = 0; x < S; x++) {
    const dx = Math.max(R - x, x - (S - 1 - R), 0);
    const dy = Math.max(R - y, y - (S - 1 - R), 0);
    const d = Math.hypot(dx, dy);
    if (d <= R) {
      const t = y / S;
      const alpha = Math.round(255 * Math.min(1, R - d + 0.5));
      set(x, y, [Math.round(16 + 10 * t), Math.round(32 + 20 * t), Math.round(72 + 30 * t), alpha]);
    }
  }
// Five bars rising left to right; the one that fits the audience is bright, the ones above it faded.
const bars = 5, bw = 14, gap = 7, base = 104, left = (S - (bars * bw + (bars - 1) * gap)) / 2;
for (let i = 0; i < bars; i++) {
  const h = 18 + i * 15;
  const color = i <= 2 ? [45, 212, 191, 255] : i === 3 ? [251, 191, 36, 255] : [248, 113, 113, 150];
  for (let y = base - h; y < base; y++) for (let x = left + i * (bw + gap); x < left + i * (bw + gap) + bw; x++) set(Math.round(x), y, color);
}
// PNG encoding: filter byte 0 per row, one IDAT chunk.
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) px.copy(raw, y * (S * 4 + 1) + 1, y * S * 4, (y + 1) * S * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log('wrote images/icon.png');
