/**
 * End-to-end tests against a production build (STYLE §4.12): `.ci/test.sh` runs `vite build`
 * first; the webServer below seeds a fresh SQLite file and runs `node build` on 127.0.0.1:4173.
 * Two projects, with and without JavaScript, both at a 360 px wide viewport. Chromium is Debian's
 * (STYLE §6): never `npx playwright install`.
 */
import { execSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type LaunchOptions } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// E2E_PORT and E2E_OUT let two runs share a checkout without colliding (CI uses the defaults).
const port = Number(process.env.E2E_PORT) || 4173;
const out = resolve(root, process.env.E2E_OUT || '.ci-out/e2e');
const baseURL = `http://127.0.0.1:${port}`;

// One fresh SQLite file per run; tests read it (to look things up, never to seed) via E2E_DATABASE_PATH.
const databasePath = resolve(out, 'e2e.sqlite');
process.env.E2E_DATABASE_PATH = databasePath;

function chromiumPath(): string {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	try {
		return execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
	} catch {
		throw new Error(
			'Chromium not found: install Debian\'s (as root: apt-get install -y chromium) or set CHROMIUM_PATH. ' +
				'Never run `npx playwright install`.'
		);
	}
}

const launchOptions: LaunchOptions = {
	executablePath: chromiumPath(),
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};
const viewport = { width: 360, height: 740 };
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export default defineConfig({
	testDir: './e2e',
	testMatch: '*.e2e.ts',
	outputDir: resolve(out, 'results'),
	// One server and one database for the whole run: files may run side by side, tests in a file in order.
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS) || 2,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 30_000,
	reporter: 'list',
	use: {
		baseURL,
		viewport,
		launchOptions,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{ name: 'chromium', use: { viewport, launchOptions, javaScriptEnabled: true } },
		{
			name: 'chromium-no-js',
			use: { viewport, launchOptions, javaScriptEnabled: false },
			// The access matrix uses the request API only, no page: JavaScript on or off is the same run.
			// Page weight measures what a JavaScript browser downloads, so it runs once, with JS.
			testIgnore: ['access-matrix.e2e.ts', 'page-weight.e2e.ts']
		}
	],
	webServer: {
		command: [
			`mkdir -p ${quote(dirname(databasePath))}`,
			`rm -f ${quote(databasePath)} ${quote(databasePath + '-wal')} ${quote(databasePath + '-shm')}`,
			'node .ci/vite-run.mjs tests/fixtures/seed-e2e.ts',
			'exec node build'
		].join(' && '),
		cwd: root,
		url: `${baseURL}/`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			DATABASE_PATH: databasePath,
			// A DATABASE_URL in the caller's environment would win over DATABASE_PATH (env.ts).
			DATABASE_URL: '',
			NODE_ENV: 'production',
			// Denials are expected by the thousand in the access matrix; errors still print.
			LOG_LEVEL: 'error'
		}
	}
});
