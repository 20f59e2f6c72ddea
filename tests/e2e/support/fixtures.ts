/**
 * The `test` every e2e file imports. The `chromium-no-js` project turns JavaScript off for every
 * test (playwright.config.ts); `jsEnabled` tells a test which project it is in, so one journey can
 * assert the enhanced and the plain behaviour.
 */
import { test as base, expect, type TestInfo } from '@playwright/test';

/** True in the `chromium` project, false in `chromium-no-js`. */
export function jsEnabled(testInfo: TestInfo = base.info()): boolean {
	return testInfo.project.use.javaScriptEnabled !== false;
}

export const test = base.extend<{ jsEnabled: boolean }>({
	jsEnabled: async ({ javaScriptEnabled }, use, testInfo) => {
		// The project decides; a test must not quietly turn JavaScript back on in the no-JS project.
		if (testInfo.project.name === 'chromium-no-js' && javaScriptEnabled !== false) {
			throw new Error('chromium-no-js: javaScriptEnabled must stay false');
		}
		await use(javaScriptEnabled !== false);
	}
});

export { expect };
