import qrcode from 'qrcode-generator';

/** A QR code as an SVG path over a `size` × `size` grid of modules (no quiet zone: the caller adds it). */
export interface QrShape {
	size: number;
	/** One `M x y h w v 1 h -w z` run per row of dark modules. */
	path: string;
}

/**
 * Encodes `text` (medium error correction, which survives a folded or slightly smudged letter) and
 * returns the dark modules as one SVG path, so the page draws it with ordinary `<svg>` markup: no
 * `{@html}` (STYLE §4.10), no client script, nothing fetched.
 */
export function qrShape(text: string): QrShape {
	const qr = qrcode(0, 'M');
	qr.addData(text, 'Byte');
	qr.make();
	const size = qr.getModuleCount();
	const runs: string[] = [];
	for (let y = 0; y < size; y++) {
		let x = 0;
		while (x < size) {
			if (!qr.isDark(y, x)) {
				x++;
				continue;
			}
			const start = x;
			while (x < size && qr.isDark(y, x)) x++;
			runs.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
		}
	}
	return { size, path: runs.join('') };
}
