import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		assetsInlineLimit: 0,
		// Issue 10 (≤45 KB of JavaScript on a child's page): Kit already preloads the first page's
		// modules from the HTML; Vite's per-import dependency lists for later navigations cost every
		// page ~1 KB gzipped in the route table. A route visited for the first time fetches its
		// chunk's imports once they're parsed instead.
		modulePreload: false,
		rolldownOptions: {
			output: {
				// Two chunks for the code every page runs (the framework; the root layout and what it
				// uses) instead of a dozen small ones, each with its import and export lists; and one for
				// a question page's own code (the page, the question, its field kinds' loader, read-aloud),
				// which was four files. A group takes the modules it names and what they import that no
				// higher-priority group took, so the shell (3) goes before the question (1).
				codeSplitting: {
					groups: [
						{ name: 'framework', test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|esm-env|clsx)[\\/]/, priority: 4 },
						{
							name: 'shell',
							test: /src[\\/](routes[\\/]\+layout\.svelte|lib[\\/](i18n[\\/](core|context\.svelte|languages|format)\.ts|pwa[\\/](offline\.svelte|wipe|register)\.ts|components[\\/](pwa|settings|Title|errors|govuk[\\/](ExitThisPage|ErrorSummary|BackLink|Radios|Textarea))))/,
							priority: 3
						},
						{
							name: 'question',
							test: /src[\\/]lib[\\/]components[\\/](form[\\/](QuestionPage\.svelte|Question\.svelte|kinds\.ts)|child[\\/](AssistedBanner|ReadAloud)\.svelte)/,
							priority: 1
						}
					]
				}
			}
		}
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
					exclude: ['src/**/*.svelte.spec.ts']
				}
			}
		]
	}
});
