import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';

/**
 * Migrations are bundled by Vite from `/migrations/*.ts`, so `init`, Vitest and the e2e seed
 * share one path (STYLE §4.6) and `node build` needs no files beside it.
 */
const modules = import.meta.glob<Migration>('/migrations/*.ts', { eager: true });

const provider: MigrationProvider = {
	async getMigrations() {
		const out: Record<string, Migration> = {};
		for (const [path, mod] of Object.entries(modules)) {
			out[path.replace(/^.*\/(.*)\.ts$/, '$1')] = mod;
		}
		return out;
	}
};

/** Runs every pending migration; throws (and the server refuses to start) on failure. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	const migrator = new Migrator({ db, provider });
	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error('migration failed');
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
