// Issue 13's audit log "who", in two separate Chromium instances: a Books teammate with an edited copy
// of Keel writes audit entries straight into the tasks shard claiming the owner wrote them — one
// signed with his own device key, one not signed at all. The owner's Audit log shows the first under
// the teammate's name, saying whose device signed it, and the second as not signed, counts both in
// its check, and shows honest entries under their real signer; all of it again after a reload.
import { readFileSync } from 'node:fs';
import { expect, test, testDay } from './test';
import {
	addTask,
	browserPool,
	createWorkspace,
	invite,
	join,
	openTask,
	startSignaling,
	waitForPeer
} from './helpers';

test('an audit entry a teammate writes under the owner’s name shows whose device signed it', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		const alice = await pool.newPage();
		const wsId = await createWorkspace(alice, 'Audit Trust Ltd', 'Alice');
		await addTask(alice, 'Pay rent');
		await addTask(alice, 'Old supplier');
		const link = await invite(alice, wsId, signaling.url, 'Books (and Tasks)');

		const ben = await pool.newPage();
		await ben.addInitScript(() => localStorage.setItem('keel-debug', '1'));
		await join(ben, link, 'Ben');
		await waitForPeer(ben);
		// An honest change of Ben's, recorded and signed by his own Keel.
		await openTask(ben, 'Pay rent');
		await ben.getByTestId('task-detail').getByLabel('Title').fill('Pay the office rent');
		await ben.getByTestId('task-detail').getByLabel('Title').press('Enter');

		// Ben's edited copy writes two entries naming Alice, each as a device of its own (a fresh Yjs
		// client, so the chain and clock checks hold): one sealed with Ben's own device key (read from
		// his browser's registry), one with no seal.
		const forged = await ben.evaluate(
			async ({ workspaceId, at }) => {
				type Entry = Record<string, unknown>;
				const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } })
					.__keel;
				const doc = keel.debug.shardDoc('tasks') as {
					clientID: number;
					getArray: (n: string) => { toArray: () => Entry[]; push: (v: Entry[]) => void };
					transact: (f: () => void) => void;
				};
				const log = doc.getArray('audit');
				const alices = log.toArray().find((e) => e.authorName === 'Alice');
				if (!alices) return 'no entry of Alice to copy her member id from';
				const canonical = (x: unknown): string =>
					Array.isArray(x)
						? `[${x.map(canonical).join(',')}]`
						: x !== null && typeof x === 'object'
							? `{${Object.entries(x)
									.filter(([, v]) => v !== undefined)
									.sort(([a], [b]) => (a < b ? -1 : 1))
									.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
									.join(',')}}`
							: JSON.stringify(x);
				const hex = (b: ArrayBuffer) =>
					[...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
				const b64 = (bytes: ArrayBuffer) =>
					btoa(String.fromCharCode(...new Uint8Array(bytes)))
						.replace(/\+/g, '-')
						.replace(/\//g, '_')
						.replace(/=+$/, '');
				// Ben's device key, as his browser holds it (usable to sign, though not readable).
				const device = await new Promise<{ publicKey: string; privateKey: CryptoKey }>((resolve, reject) => {
					const open = indexedDB.open('keel-registry');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const get = open.result.transaction('workspaces').objectStore('workspaces').get(workspaceId);
						get.onsuccess = () =>
							resolve((get.result as { device: { publicKey: string; privateKey: CryptoKey } }).device);
						get.onerror = () => reject(get.error);
					};
				});
				const write = async (title: string, sign: boolean) => {
					const own = doc.clientID;
					const client = 1 + Math.floor(Math.random() * 2 ** 30);
					const entry: Entry = {
						v: 1,
						kind: 'changes',
						client,
						seq: 0,
						prev: '',
						from: 0,
						to: 1,
						author: alices.author,
						authorName: 'Alice',
						at,
						changes: [{ what: 'Task', label: title, field: '', action: 'added', before: '', after: title }],
						more: 0
					};
					entry.hash = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(entry))));
					if (sign) {
						const body = {
							t: 'keel-fact/1',
							workspaceId,
							shard: 'tasks',
							map: 'audit',
							key: `${client}:0`,
							value: entry
						};
						const sig = await crypto.subtle.sign(
							{ name: 'Ed25519' },
							device.privateKey,
							new TextEncoder().encode(canonical(body))
						);
						entry.seal = { by: device.publicKey, sig: b64(sig) };
					}
					// The entry is written as that other client, at its first clock.
					doc.clientID = client;
					try {
						doc.transact(() => log.push([entry]));
					} finally {
						doc.clientID = own;
					}
				};
				await write('Transfer 9,000 to Ben', true);
				await write('Close the old account', false);
				return 'written';
			},
			{ workspaceId: wsId, at: `${testDay()}T10:00:00.000Z` }
		);
		expect(forged).toBe('written');

		// And it deletes one of Alice's tasks outright, with its recording switched off: a deletion
		// consumes no Yjs clock, so only the entries' signed lists of deletions can account for it.
		const deleted = await ben.evaluate(() => {
			type YMap = {
				get: (k: string) => unknown;
				delete: (k: string) => void;
				forEach: (f: (v: unknown, k: string) => void) => void;
			};
			const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } }).__keel;
			const doc = keel.debug.shardDoc('tasks') as {
				getMap: (n: string) => YMap;
				_observers: Map<string, unknown>;
			};
			const tasks = doc.getMap('tasks');
			let id: string | null = null;
			tasks.forEach((t, k) => {
				if (String((t as YMap).get('title')) === 'Old supplier') id = k;
			});
			if (id === null) return 'no such task';
			const recording = doc._observers.get('afterTransaction');
			doc._observers.delete('afterTransaction');
			try {
				tasks.delete(id);
			} finally {
				if (recording) doc._observers.set('afterTransaction', recording);
			}
			return 'deleted';
		});
		expect(deleted).toBe('deleted');

		await alice.goto(`/w/${wsId}/settings`);
		await waitForPeer(alice);
		const check = async () => {
			await alice.getByLabel('Audit log of').selectOption({ label: 'Tasks' });
			const signedForgery = alice.getByRole('row').filter({ hasText: 'Added Task: Transfer 9,000 to Ben' });
			await expect(signedForgery).toContainText('Ben (Books)', { timeout: 30_000 });
			await expect(signedForgery).toContainText("Says it was written by Alice, but signed by Ben's device");
			const unsigned = alice.getByRole('row').filter({ hasText: 'Added Task: Close the old account' });
			await expect(unsigned).toContainText('Alice');
			await expect(unsigned).toContainText('Not signed');
			// Honest entries show their real signer, with nothing to flag.
			const bens = alice.getByRole('row').filter({ hasText: 'Changed Task: Pay the office rent' });
			await expect(bens).toContainText('Ben (Books)');
			await expect(bens).not.toContainText('Says it was written');
			const alices = alice.getByRole('row').filter({ hasText: 'Added Task: Pay rent' });
			await expect(alices).toContainText('Alice (Owner)');
			await expect(alices).not.toContainText('Not signed');
			const alert = alice.getByRole('alert').filter({ hasText: 'this log does not add up' });
			await expect(alert).toContainText(
				"1 entry says it was written by Alice, but was signed by Ben's device."
			);
			await expect(alert).toContainText(
				'1 entry saying it was written by Alice is not signed, though entries were signed before it.'
			);
			await expect(alert).toContainText(
				'Something in Task was deleted, and no signed entry says who deleted it.',
				{
					timeout: 30_000
				}
			);
			await expect(alert).not.toContainText('are not in the log');
		};
		await check();

		const [file] = await Promise.all([
			alice.waitForEvent('download'),
			alice.getByRole('button', { name: 'Export CSV' }).click()
		]);
		const csv = readFileSync((await file.path()) as string, 'utf8');
		// The export names the checked signer and what the check found, beside what each entry says.
		expect(csv).toContain(
			`,Ben,"Says it was written by Alice, but signed by Ben's device",Added,"Task: Transfer 9,000 to Ben",,,"Transfer 9,000 to Ben"\r\n`
		);
		expect(csv).toContain(',Alice,Not signed,Added,Task: Close the old account,,,Close the old account\r\n');
		expect(csv).toContain(
			",Ben,Signed by Ben's device,Changed,Task: Pay the office rent,title,Pay rent,Pay the office rent\r\n"
		);

		// The same after the owner's browser reloads (from its own stored copy).
		await alice.reload();
		await check();

		// Honest work (joining, roles, names, presence) deletes plenty in the members' log, and all of
		// it is accounted for: past the grace period its check finds nothing.
		await alice.getByLabel('Audit log of').selectOption({ label: 'Workspace and members' });
		await expect(alice.getByRole('row').filter({ hasText: 'Member' }).first()).toBeVisible();
		await alice.waitForTimeout(7000);
		await expect(alice.getByText('Every change in this log is accounted for')).toBeVisible();
	} finally {
		await pool.closeAll();
		signaling.stop();
	}
});
