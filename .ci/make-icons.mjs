/**
 * Draws the app's PNG icons locally (no design service, no third party: D9, D11). The picture is
 * abstract, two overlapping circles on the brand colour, with no crest, words or care imagery
 * (PRIV-H2), so a shared home screen says nothing. Maskable icons keep the circles inside the
 * central 80 % "safe zone" so any launcher mask (circle, squircle) leaves them whole.
 *
 * Run: node .ci/make-icons.mjs   (writes static/icons/*.png; commit the results)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x1d, 0x4f, 0x5c];
const LIGHT = [0x5a, 0xb1, 0xc4];
const WHITE = [0xff, 0xff, 0xff];

/** Coverage of a shape at pixel (x, y), 4×4 supersampled for smooth edges. */
function coverage(inside, x, y) {
	let n = 0;
	for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) n++;
	return n / 16;
}

function roundedRect(size, radius) {
	return (x, y) => {
		const cx = Math.min(Math.max(x, radius), size - radius);
		const cy = Math.min(Math.max(y, radius), size - radius);
		return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
	};
}
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r ** 2;

/** Layers in the 64-unit design of static/icon.svg, scaled by `k` and moved by `off`. */
function draw(size, { maskable }) {
	const px = new Uint8Array(size * size * 4);
	// Maskable: the whole square is background; the picture shrinks to the safe zone.
	const k = maskable ? (size * 0.62) / 64 : size / 64;
	const off = maskable ? (size - 64 * k) / 2 : 0;
	const bg = maskable ? () => true : roundedRect(size, 14 * k);
	const layers = [
		{ shape: bg, colour: BRAND, alpha: 1 },
		{ shape: circle(off + 24 * k, off + 27 * k, 10 * k), colour: LIGHT, alpha: 1 },
		{ shape: circle(off + 40 * k, off + 37 * k, 12 * k), colour: WHITE, alpha: 0.9 }
	];
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			let [r, g, b, a] = [0, 0, 0, 0];
			for (const { shape, colour, alpha } of layers) {
				const c = coverage(shape, x, y) * alpha;
				if (c === 0) continue;
				const outA = c + a * (1 - c);
				r = (colour[0] * c + r * a * (1 - c)) / outA;
				g = (colour[1] * c + g * a * (1 - c)) / outA;
				b = (colour[2] * c + b * a * (1 - c)) / outA;
				a = outA;
			}
			px.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (y * size + x) * 4);
		}
	}
	return png(size, px);
}

const CRC = new Int32Array(256).map((_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c;
});
function crc32(buf) {
	let c = -1;
	for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ -1) >>> 0;
}
function chunk(type, data) {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'ascii');
	data.copy(out, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}
function png(size, rgba) {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
	const raw = Buffer.alloc(size * (size * 4 + 1));
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0;
		Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
	}
	return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('static/icons', { recursive: true });
for (const [name, size, maskable] of [
	['icon-192.png', 192, false],
	['icon-512.png', 512, false],
	['maskable-192.png', 192, true],
	['maskable-512.png', 512, true],
	['apple-touch-icon.png', 180, true]
]) {
	writeFileSync(`static/icons/${name}`, draw(size, { maskable }));
	console.log(`static/icons/${name}`);
}
