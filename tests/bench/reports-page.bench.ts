/**
 * The report page as a browser asks for it: signs in as the synthetic admin and times
 * `GET /admin/reports?from…&to…` (the whole server-rendered page) `runs` times; prints p50/p95.
 * Start `node build` on a database made by `npm run generate -- --reviews 100000 --admin-password P`, then:
 *   node .ci/vite-run.mjs tests/bench/reports-page.bench.ts http://127.0.0.1:4661 P [runs] [server pid]
 * With the server's pid it also reports the server's CPU time per request (from /proc), which a busy
 * machine doesn't stretch the way it stretches the wall clock.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** CPU seconds (user + system) the server process has used, from /proc (Linux), if its pid is given. */
function serverCpu(pid: string | undefined): number | null {
	if (!pid) return null;
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

export default async function bench(base: string, password: string, runs = '20', pid?: string): Promise<void> {
	const origin = new URL(base).origin;
	const body = new URLSearchParams({ email: 'admin@synthetic.invalid', password });
	const signIn = await fetch(`${origin}/sign-in/staff`, { method: 'POST', body, headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
	const cookie = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
	if (signIn.status !== 303 || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
	const url = `${origin}/admin/reports?from=2025-04-01&to=2026-03-31`;
	const times: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i <= Number(runs); i++) {
		const c0 = serverCpu(pid);
		const t0 = performance.now();
		const res = await fetch(url, { headers: { cookie, accept: 'text/html' } });
		const html = await res.text();
		if (res.status !== 200 || !html.includes('table-participation')) throw new Error(`report page: ${res.status}`);
		if (i === 0) continue; // the first warms up
		times.push(performance.now() - t0);
		const c1 = serverCpu(pid);
		if (c0 !== null && c1 !== null) cpu.push((c1 - c0) * 1000);
		console.log(`run ${i}: ${(performance.now() - t0).toFixed(0)} ms wall${cpu.length ? `, ${cpu[cpu.length - 1]!.toFixed(0)} ms server CPU` : ''}`);
	}
	const at = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
	console.log(`GET /admin/reports, ${times.length} runs: wall p50 ${at(times, 50).toFixed(0)} ms, p95 ${at(times, 95).toFixed(0)} ms` + (cpu.length ? `; server CPU p50 ${at(cpu, 50).toFixed(0)} ms, p95 ${at(cpu, 95).toFixed(0)} ms` : ''));
}
