/**
 * The report page as a browser asks for it: signs in as the synthetic admin and times
 * `GET /admin/reports?from…&to…` (the whole server-rendered page) `runs` times; prints p50/p95.
 * Start `node build` on a database made by `npm run generate -- --reviews 100000 --admin-password P`, then:
 *   node .ci/vite-run.mjs tests/bench/reports-page.bench.ts http://127.0.0.1:4661 P [runs]
 */
import { performance } from 'node:perf_hooks';

export default async function bench(base: string, password: string, runs = '20'): Promise<void> {
	const origin = new URL(base).origin;
	const body = new URLSearchParams({ email: 'admin@synthetic.invalid', password });
	const signIn = await fetch(`${origin}/sign-in/staff`, { method: 'POST', body, headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
	const cookie = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
	if (signIn.status !== 303 || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
	const url = `${origin}/admin/reports?from=2025-04-01&to=2026-03-31`;
	const times: number[] = [];
	for (let i = 0; i <= Number(runs); i++) {
		const t0 = performance.now();
		const res = await fetch(url, { headers: { cookie } });
		const html = await res.text();
		if (res.status !== 200 || !html.includes('table-participation')) throw new Error(`report page: ${res.status}`);
		if (i > 0) times.push(performance.now() - t0); // the first warms up
	}
	times.sort((a, b) => a - b);
	const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
	console.log(`GET /admin/reports, ${times.length} runs: p50 ${at(50).toFixed(0)} ms, p95 ${at(95).toFixed(0)} ms, max ${at(100).toFixed(0)} ms`);
}
