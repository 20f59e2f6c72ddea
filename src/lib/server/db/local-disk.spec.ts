import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLocalDisk, isNetworkFilesystem, mountFor, parseMounts } from './local-disk';

/** REL-8: the SQLite file must be on a local disk; a network filesystem is refused at start. */
const MOUNTS = [
	'/dev/sda1 / ext4 rw,relatime 0 0',
	'proc /proc proc rw,nosuid 0 0',
	'tmpfs /tmp tmpfs rw 0 0',
	'fileserver:/export/myreview /srv/myreview nfs4 rw,relatime,vers=4.2 0 0',
	'//nas/share /mnt/nas cifs rw,vers=3.0 0 0',
	'me@host:/data /home/app/remote fuse.sshfs rw,nosuid 0 0',
	'/dev/sdb1 /srv/myreview/local ext4 rw 0 0',
	'/dev/sdc1 /mnt/with\\040space xfs rw 0 0',
	'overlay /var/lib/app overlay rw 0 0'
].join('\n');

describe('REL-8: reading the mount table', () => {
	it('parses device, mount point and type, with octal escapes', () => {
		const m = parseMounts(MOUNTS);
		expect(m).toHaveLength(9);
		expect(m[3]).toEqual({ device: 'fileserver:/export/myreview', mountpoint: '/srv/myreview', fstype: 'nfs4' });
		expect(m[7]!.mountpoint).toBe('/mnt/with space');
	});

	it.each([
		['/srv/myreview/data', '/srv/myreview', 'nfs4'],
		['/srv/myreview', '/srv/myreview', 'nfs4'],
		['/srv/myreview/local/db', '/srv/myreview/local', 'ext4'],
		['/srv/myreviewer/db', '/', 'ext4'],
		['/mnt/nas/db', '/mnt/nas', 'cifs'],
		['/home/app/remote', '/home/app/remote', 'fuse.sshfs'],
		['/mnt/with space/x', '/mnt/with space', 'xfs'],
		['/var/lib/app/data', '/var/lib/app', 'overlay']
	])('%s is on %s (%s)', (path, mountpoint, fstype) => {
		expect(mountFor(path, parseMounts(MOUNTS))).toMatchObject({ mountpoint, fstype });
	});

	it('the later of two mounts on one point wins (mounted over)', () => {
		const m = parseMounts('/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /data ext4 rw 0 0\nsrv:/x /data nfs rw 0 0');
		expect(mountFor('/data/app.sqlite', m)?.fstype).toBe('nfs');
	});
});

describe('REL-8: which filesystems are refused', () => {
	it.each(['nfs', 'nfs4', 'NFS4', 'cifs', 'smb3', 'smbfs', 'fuse.sshfs', 'fuse.s3fs', 'fuse.rclone', 'ceph', 'glusterfs', 'afs', 'davfs'])('%s: network', (t) => {
		expect(isNetworkFilesystem(t)).toBe(true);
	});
	it.each(['ext4', 'xfs', 'btrfs', 'zfs', 'tmpfs', 'overlay', 'f2fs', 'fuse.lxcfs', 'nfsd'])('%s: local', (t) => {
		expect(isNetworkFilesystem(t)).toBe(false);
	});
});

describe('REL-8: checkLocalDisk', () => {
	let dir: string | undefined;
	afterEach(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
		dir = undefined;
	});

	it('refuses a database on an NFS mount, naming the type and mount point', () => {
		expect(checkLocalDisk('/srv/myreview/data/app.sqlite', () => MOUNTS)).toEqual({ ok: false, fstype: 'nfs4', mountpoint: '/srv/myreview' });
		expect(checkLocalDisk('/home/app/remote/app.sqlite', () => MOUNTS)).toMatchObject({ ok: false, fstype: 'fuse.sshfs' });
	});

	it('accepts a local disk, and a relative path is resolved first', () => {
		expect(checkLocalDisk('/srv/myreview/local/app.sqlite', () => MOUNTS)).toEqual({ ok: true, fstype: 'ext4' });
		expect(checkLocalDisk('data/app.sqlite', () => '/dev/sda1 / ext4 rw 0 0')).toEqual({ ok: true, fstype: 'ext4' });
	});

	it('follows a symlinked folder to where it really is', async () => {
		const { symlinkSync } = await import('node:fs');
		dir = mkdtempSync(join(tmpdir(), 'rel8-'));
		const real = mkdtempSync(join(dir, 'real-'));
		symlinkSync(real, join(dir, 'link'));
		const table = `/dev/sda1 / ext4 rw 0 0\nsrv:/x ${real} nfs rw 0 0`;
		expect(checkLocalDisk(join(dir, 'link', 'app.sqlite'), () => table)).toMatchObject({ ok: false, fstype: 'nfs' });
	});

	it('with no mount table (not Linux) nothing is known and nothing refused', () => {
		expect(checkLocalDisk('/srv/myreview/app.sqlite', () => null)).toEqual({ ok: true, fstype: null });
	});

	it('on this machine, the real mount table: the temp folder is not refused', () => {
		expect(checkLocalDisk(join(tmpdir(), 'x.sqlite')).ok).toBe(true);
	});
});
