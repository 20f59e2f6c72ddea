/**
 * Issue 10's Lighthouse check (`npm run lighthouse`; not part of `npm test`): the bench's data (a
 * child who can sign in, with a form started), `node build` on 127.0.0.1, the child signed in
 * through the real form, then Lighthouse's CLI in its default mobile mode (a mid-range phone,
 * throttled "slow 4G") on the child's first question page, with the session cookie passed as an
 * extra header. Chromium is Debian's (`which chromium`, or CHROMIUM_PATH), headless, --no-sandbox
 * when run as root. Prints and writes to .ci-out/lighthouse.md the performance, accessibility and
 * best-practices scores (targets: performance ≥98, accessibility 100) and every audit that is not
 * passed. The full report is .ci-out/lighthouse.json. LIGHTHOUSE_PORT (4710) is the app's port.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashSecret } from '$lib/server/auth/password';
import { seed, signIn, startApp, stopApp } from './http.bench';

const PORT = Number(process.env.LIGHTHOUSE_PORT) || 4710;
const PASSPHRASE = 'bench river lantern orbit';
const TARGETS: Record<string, number> = { performance: 98, accessibility: 100, 'best-practices': 0 };

interface Audit {
	id: string;
	title: string;
	score: number | null;
	scoreDisplayMode: string;
	displayValue?: string;
}
interface Report {
	finalDisplayedUrl: string;
	lighthouseVersion: string;
	categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number }[] }>;
	audits: Record<string, Audit>;
	runtimeError?: { message: string };
}

function chromium(): string {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	try {
		return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
	} catch {
		throw new Error("Chromium not found: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH");
	}
}

function run(cmd: string, args: string[]): Promise<number> {
	return new Promise((ok, fail) => {
		const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
		child.on('error', fail);
		child.on('exit', (code) => ok(code ?? 1));
	});
}

export default async function lighthouse(): Promise<void> {
	const out = resolve('.ci-out');
	mkdirSync(out, { recursive: true });
	const dir = mkdtempSync(join(tmpdir(), 'my-review-lighthouse-'));
	const path = join(dir, 'lighthouse.sqlite');
	const s = await seed(path, 1, { staff: await hashSecret('bench-password-not-for-use-anywhere'), child: await hashSecret(PASSPHRASE) });
	const app = await startApp(PORT, { DATABASE_PATH: path, DATABASE_URL: '' });
	try {
		const base = `http://127.0.0.1:${PORT}`;
		const cookie = await signIn(base, '/sign-in', { username: s.childLogin, passphrase: PASSPHRASE });
		const url = `${base}/me/review/${s.childReviewId}/${s.question.id}`;
		const check = await fetch(url, { headers: { cookie } });
		if (check.status !== 200) throw new Error(`question page answered ${check.status}`);
		const json = join(out, 'lighthouse.json');
		const flags = ['--headless=new', '--disable-gpu', '--no-first-run', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
		const code = await run(process.execPath, [
			resolve('node_modules/lighthouse/cli/index.js'),
			url,
			`--chrome-path=${chromium()}`,
			`--chrome-flags=${flags.join(' ')}`,
			`--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
			'--only-categories=performance,accessibility,best-practices',
			'--output=json',
			`--output-path=${json}`,
			'--quiet'
		]);
		if (code !== 0) throw new Error(`lighthouse exited ${code}`);
		const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
		if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
		const lines = [
			`# Lighthouse (${new Date().toISOString()})`,
			'',
			`Lighthouse ${report.lighthouseVersion}, mobile (default throttling), Debian chromium, production build, a signed-in child's question page (${new URL(report.finalDisplayedUrl).pathname.replace(/[a-z2-7]{24}/, '<id>')}).`,
			'',
			'| category | score | target |',
			'|---|---:|---|'
		];
		let met = true;
		for (const [id, c] of Object.entries(report.categories)) {
			const score = Math.round((c.score ?? 0) * 100);
			const target = TARGETS[id] ?? 0;
			if (score < target) met = false;
			lines.push(`| ${c.title} | ${score} | ${target ? `≥${target} ${score >= target ? '✓' : '✗'}` : ''} |`);
		}
		lines.push('');
		for (const [id, c] of Object.entries(report.categories)) {
			const failing = c.auditRefs
				.map((r) => report.audits[r.id]!)
				.filter((a) => a.score !== null && a.score < 1 && !['notApplicable', 'manual', 'informative'].includes(a.scoreDisplayMode));
			if (!failing.length) continue;
			lines.push(`Not passed in ${c.title} (${id}):`);
			for (const a of failing) lines.push(`- ${a.id}: ${a.title} (score ${Math.round((a.score ?? 0) * 100)}${a.displayValue ? `, ${a.displayValue}` : ''})`);
			lines.push('');
		}
		const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
		lines.push(`Metrics: ${metrics.map((m) => `${report.audits[m]?.title ?? m} ${report.audits[m]?.displayValue ?? '–'}`).join('; ')}.`);
		lines.push('', met ? 'Targets met.' : 'Targets NOT met.');
		const text = `${lines.join('\n')}\n`;
		writeFileSync(join(out, 'lighthouse.md'), text);
		console.log(`\n${text}\nwritten to ${join(out, 'lighthouse.md')} (full report: ${json})`);
	} finally {
		await stopApp(app);
		rmSync(dir, { recursive: true, force: true });
	}
}
