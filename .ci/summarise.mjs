#!/usr/bin/env node
// Usage: node .ci/summarise.mjs <steps.tsv> <start epoch seconds>
// Reads the steps .ci/test.sh recorded and their JSON reports, prints a small table and the
// elapsed time, and ends with exactly one `N passed, N failed` line (CI reads only that).
// Exit code: non-zero when any test failed or any step failed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [stepsFile, startArg] = process.argv.slice(2);
const rows = [];
let passed = 0;
let failed = 0;
let anyStepFailed = false;

const lines = stepsFile && existsSync(stepsFile) ? readFileSync(stepsFile, 'utf8').split('\n').filter(Boolean) : [];
if (lines.length === 0) {
	rows.push({ step: '(no steps recorded)', result: 'FAILED', passed: 0, failed: 1, secs: 0, note: '' });
	failed += 1;
	anyStepFailed = true;
}

for (const line of lines) {
	const [step, code, json, secs, note = ''] = line.split('\t');
	const row = { step, result: 'ok', passed: 0, failed: 0, secs: Number(secs) || 0, note };
	if (code === 'skip') {
		row.result = 'skipped';
		rows.push(row);
		continue;
	}
	const rc = Number(code);
	const report = json && json !== '-' ? readJson(json) : undefined;

	if (json && json !== '-' && !report) {
		// A step that should have written JSON and didn't crashed (or never ran): one failure.
		row.failed = 1;
		row.note ||= `no JSON report (exit ${rc})`;
	} else if (report && 'numPassedTests' in report) {
		// Vitest
		row.passed = report.numPassedTests ?? 0;
		row.failed = report.numFailedTests ?? 0;
		const broken = (report.numFailedTestSuites ?? 0) - (report.testResults ?? []).filter((f) => f.assertionResults?.some((a) => a.status === 'failed')).length;
		if (broken > 0) row.note ||= `${broken} file(s) failed to run`;
		if (report.numTodoTests || report.numPendingTests) row.note ||= `${(report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)} skipped/todo`;
	} else if (report && report.stats) {
		// Playwright
		const s = report.stats;
		row.passed = (s.expected ?? 0) + (s.flaky ?? 0);
		row.failed = s.unexpected ?? 0;
		const notes = [];
		if (s.flaky) notes.push(`${s.flaky} flaky`);
		if (s.skipped) notes.push(`${s.skipped} skipped`);
		if (report.errors?.length) notes.push(`${report.errors.length} error(s) outside tests`);
		row.note ||= notes.join(', ');
	} else if (!report) {
		// A check without a report (svelte-check, build): one check, passed or failed.
		if (rc === 0) row.passed = 1;
		else row.failed = 1;
		if (step === 'svelte-check') row.note ||= svelteCheckFindings(join(dirname(stepsFile), 'svelte-check.log'));
	}
	// A non-zero exit with no failure counted (unhandled error, config crash): still one failure.
	if (rc !== 0 && row.failed === 0) {
		row.failed = 1;
		row.note ||= `exit ${rc}`;
	}
	if (rc !== 0 || row.failed > 0) {
		row.result = 'FAILED';
		anyStepFailed = true;
	}
	passed += row.passed;
	failed += row.failed;
	rows.push(row);
}

/** "24 errors and 0 warnings in 9 files", from svelte-check's last line. */
function svelteCheckFindings(log) {
	if (!existsSync(log)) return '';
	// eslint-disable-next-line no-control-regex
	const text = readFileSync(log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
	return text.match(/svelte-check found (.*)/)?.[1]?.trim() ?? '';
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

const fmt = (s) => (s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`);
const table = [['step', 'result', 'passed', 'failed', 'time', 'note']].concat(
	rows.map((r) => [r.step, r.result, r.result === 'skipped' ? '-' : String(r.passed), r.result === 'skipped' ? '-' : String(r.failed), fmt(r.secs), r.note])
);
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const [i, r] of table.entries()) {
	console.log(r.map((c, j) => (j >= 2 && j <= 4 ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ').trimEnd());
	if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
}
const start = Number(startArg);
if (start) console.log(`elapsed ${fmt(Math.round(Date.now() / 1000) - start)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || anyStepFailed ? 1 : 0);
