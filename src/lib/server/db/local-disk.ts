import { readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

/**
 * REL-8, D4: SQLite's WAL needs every process on one host, and its locks and `fsync` are not to be
 * trusted over a network filesystem, so the app refuses to start with its SQLite file on one. The
 * filesystem is read from the OS mount table (`/proc/mounts` on Linux): the mount with the longest
 * path that holds the database's folder. Where there is no mount table (not Linux) nothing is known
 * and nothing is refused.
 */
export interface Mount {
	device: string;
	mountpoint: string;
	fstype: string;
}

/** Filesystem types that are network or cluster filesystems (or FUSE bridges to one). */
export const NETWORK_FILESYSTEMS: ReadonlySet<string> = new Set([
	'nfs', 'nfs4', 'cifs', 'smb', 'smb2', 'smb3', 'smbfs', 'ncpfs', 'afs', 'coda', 'ceph', 'glusterfs', 'lustre', 'gfs2', 'ocfs2',
	'davfs', 'fuse.sshfs', 'fuse.s3fs', 'fuse.rclone', 'fuse.glusterfs', 'fuse.cephfs', 'fuse.davfs2', 'fuse.gcsfuse', 'fuse.goofys',
	'fuse.juicefs', 'fuse.blobfuse', 'fuse.blobfuse2', 'fuse.mountpoint-s3', 'fuse.smbnetfs', 'fuse.curlftpfs'
]);

/** `/proc/mounts` lines: "device mountpoint fstype options 0 0", with spaces and the like as octal escapes (`\040`). */
export function parseMounts(text: string): Mount[] {
	const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
	return text
		.split('\n')
		.map((line) => line.trim().split(/\s+/))
		.filter((f) => f.length >= 3 && f[1]!.startsWith('/'))
		.map((f) => ({ device: unescape(f[0]!), mountpoint: unescape(f[1]!), fstype: f[2]! }));
}

/** The mount holding `path` (an absolute, resolved path): the longest mount point that is it or a parent of it. */
export function mountFor(path: string, mounts: readonly Mount[]): Mount | undefined {
	let best: Mount | undefined;
	for (const m of mounts) {
		const inside = m.mountpoint === '/' || path === m.mountpoint || path.startsWith(m.mountpoint.endsWith(sep) ? m.mountpoint : m.mountpoint + sep);
		// The later of two mounts on the same point is the one in use (mounted over the first).
		if (inside && (!best || m.mountpoint.length >= best.mountpoint.length)) best = m;
	}
	return best;
}

export function isNetworkFilesystem(fstype: string): boolean {
	const t = fstype.toLowerCase();
	return NETWORK_FILESYSTEMS.has(t) || (t.startsWith('nfs') && /^nfs\d*$/.test(t));
}

export type DiskCheck = { ok: true; fstype: string | null } | { ok: false; fstype: string; mountpoint: string };

/**
 * Whether the SQLite file at `databasePath` would be on a local disk. `readMounts` returns the
 * mount table's text, or null when there is none.
 */
export function checkLocalDisk(databasePath: string, readMounts: () => string | null = readProcMounts): DiskCheck {
	const text = readMounts();
	if (text === null) return { ok: true, fstype: null };
	let folder = resolve(dirname(databasePath));
	try {
		folder = realpathSync(folder);
	} catch {
		// Not there yet: the path as given.
	}
	const mount = mountFor(folder, parseMounts(text));
	if (!mount) return { ok: true, fstype: null };
	if (isNetworkFilesystem(mount.fstype)) return { ok: false, fstype: mount.fstype, mountpoint: mount.mountpoint };
	return { ok: true, fstype: mount.fstype };
}

function readProcMounts(): string | null {
	try {
		return readFileSync('/proc/mounts', 'utf8');
	} catch {
		return null;
	}
}
