/**
 * A private `node build` for tests that would upset everyone else's run: fuzzing, SIGKILL loops,
 * backups, CSP sweeps that sign the shared personas in (one session per respondent, D18). Each
 * server gets a consistent copy of the e2e database (taken with `VACUUM INTO`, a single read
 * transaction, so it is consistent while the shared server writes) and a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A copy of the shared e2e database (seeded personas and all) at `dest`. */
export function snapshotE2eDatabase(dest: string): void {
	const source = process.env.E2E_DATABASE_PATH;
	if (!source) throw new Error('E2E_DATABASE_PATH is not set');
	mkdirSync(dirname(dest), { recursive: true });
	for (const f of [dest, `${dest}-wal`, `${dest}-shm`]) rmSync(f, { force: true });
	const db = new Database(source, { readonly: true, fileMustExist: true });
	try {
		db.prepare('VACUUM INTO ?').run(dest);
	} finally {
		db.close();
	}
	// A private server starts with no rate-limit counts: the shared server's (other tests' wrong codes
	// and passphrases from 127.0.0.1) would otherwise decide when its own limits begin.
	const copy = new Database(dest);
	try {
		copy.prepare('DELETE FROM rate_limit').run();
	} finally {
		copy.close();
	}
}

export async function freePort(): Promise<number> {
	return new Promise((ok, bad) => {
		const s = createServer();
		s.once('error', bad);
		s.listen(0, '127.0.0.1', () => {
			const addr = s.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			s.close(() => ok(port));
		});
	});
}

export interface PrivateServer {
	baseURL: string;
	origin: string;
	port: number;
	databasePath: string;
	process: ChildProcess;
	/** stderr and stdout so far (errors only at LOG_LEVEL=error). */
	output: () => string;
	/** Starts the server again on the same port and database (after a kill). */
	restart: () => Promise<void>;
	kill: (signal?: NodeJS.Signals) => Promise<void>;
}

async function waitUntilUp(baseURL: string, proc: ChildProcess, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (proc.exitCode !== null) throw new Error(`node build exited with ${proc.exitCode} before it answered`);
		try {
			const res = await fetch(`${baseURL}/`, { redirect: 'manual', signal: AbortSignal.timeout(1000) });
			if (res.status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 25));
	}
	throw new Error(`node build did not answer on ${baseURL} within ${timeoutMs} ms`);
}

export async function startPrivateServer(opts: { databasePath: string; env?: Record<string, string> }): Promise<PrivateServer> {
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	let out = '';
	const spawnOne = () => {
		const p = spawn(process.execPath, ['build'], {
			cwd: ROOT,
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: baseURL,
				DATABASE_PATH: opts.databasePath,
				DATABASE_URL: '',
				NODE_ENV: 'production',
				LOG_LEVEL: 'error',
				OUTBOX_WORKER: 'off',
				OUTBOX_CAPTURE_PATH: join(dirname(opts.databasePath), 'outbox-capture.jsonl'),
				...opts.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		p.stdout!.on('data', (d) => (out += d));
		p.stderr!.on('data', (d) => (out += d));
		return p;
	};
	const server: PrivateServer = {
		baseURL,
		origin: baseURL,
		port,
		databasePath: opts.databasePath,
		process: spawnOne(),
		output: () => out,
		restart: async () => {
			server.process = spawnOne();
			await waitUntilUp(baseURL, server.process, 30_000);
		},
		kill: async (signal = 'SIGTERM') => {
			const p = server.process;
			if (p.exitCode !== null || p.signalCode !== null) return;
			const gone = new Promise<void>((r) => p.once('exit', () => r()));
			p.kill(signal);
			await gone;
		}
	};
	await waitUntilUp(baseURL, server.process, 30_000);
	return server;
}
