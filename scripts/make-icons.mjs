// Draws Kith's toolbar icon (three connected people on a teal tile) at every size the
// manifest needs, so the PNGs in public/icon/ can be regenerated rather than hand-edited.
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TILE = [15, 118, 110];
const INK = [255, 255, 255];
const NODES = [
  [0.5, 0.3, 0.13],
  [0.28, 0.7, 0.11],
  [0.72, 0.7, 0.11],
];
const EDGES = [
  [0, 1],
  [0, 2],
  [1, 2],
];

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Coverage of the tile and of the ink at a point in the unit square. */
function sample(x, y) {
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  const onTile = Math.hypot(dx, dy) <= r;
  const onNode = NODES.some(([nx, ny, nr]) => Math.hypot(x - nx, y - ny) <= nr);
  const onEdge = EDGES.some(([a, b]) => distanceToSegment(x, y, NODES[a], NODES[b]) <= 0.035);
  return { onTile, onInk: onTile && (onNode || onEdge) };
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const samples = 4;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let tile = 0;
      let ink = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const s = sample((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          tile += s.onTile ? 1 : 0;
          ink += s.onInk ? 1 : 0;
        }
      }
      const inkShare = tile ? ink / tile : 0;
      const offset = 1 + x * 4;
      for (let c = 0; c < 3; c++) row[offset + c] = Math.round(TILE[c] * (1 - inkShare) + INK[c] * inkShare);
      row[offset + 3] = Math.round((255 * tile) / samples ** 2);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
