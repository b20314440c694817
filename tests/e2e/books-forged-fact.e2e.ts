// Issue 13's forged NEW posted entries, in two separate Chromium instances: a Books teammate with an
// edited copy of Keel writes brand-new posted entries straight into the books shard — one with no
// signature, one signed by a key of her own that no owner or admin ever granted Books — and clears
// the lock date in the plain setting. The owner's balances ignore both entries, Needs review lists
// them (saying why, in words), and the lock date stays as the owner set it.
import { expect, test } from './test';
import { browserPool, createWorkspace, invite, join, startSignaling, waitForPeer } from './helpers';
import { balanceOf, postEntry } from './books-helpers';

test('a forged new posted entry does not count and is listed; a forged lock clear is not applied', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		const alice = await pool.newPage();
		const wsId = await createWorkspace(alice, 'Forged Fact Ltd', 'Alice');
		const link = await invite(alice, wsId, signaling.url, 'Books (and Tasks)');
		await alice.goto(`/w/${wsId}/books/journal`);
		await postEntry(alice, {
			date: '2026-01-02',
			memo: 'Capital paid in',
			lines: [
				['Assets:Checking', '5000', ''],
				['Equity', '', '5000']
			]
		});
		await alice.goto(`/w/${wsId}/settings`);
		await alice.getByLabel('Lock date').fill('2026-01-31');
		await alice.getByRole('button', { name: 'Save lock date' }).click();
		await expect(alice.getByTestId('lock-date')).toHaveText('locked through 2026-01-31');

		const mallory = await pool.newPage();
		await mallory.addInitScript(() => localStorage.setItem('keel-debug', '1'));
		await join(mallory, link, 'Mallory');
		await waitForPeer(mallory);
		await mallory.goto(`/w/${wsId}/books`);
		// Mallory's copy counts Alice's signed entry: signatures check out across browsers.
		await expect(balanceOf(mallory, 'Assets:Checking')).toHaveText('5,000.00 USD', { timeout: 30_000 });

		// Mallory's edited copy writes two new posted entries and clears the lock date, in the shard.
		const forged = await mallory.evaluate(async (workspaceId) => {
			type YMap = {
				get: (k: string) => unknown;
				set: (k: string, v: unknown) => void;
				forEach: (f: (v: unknown, k: string) => void) => void;
			};
			const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } }).__keel;
			const doc = keel.debug.shardDoc('books') as {
				getMap: (n: string) => YMap;
				transact: (f: () => void) => void;
			};
			const entries = doc.getMap('entries');
			let template: Record<string, unknown> | null = null;
			entries.forEach((v) => {
				if ((v as { memo?: string }).memo === 'Capital paid in') template = v as Record<string, unknown>;
			});
			if (!template) return 'no template';
			const { seal: _seal, ...bare } = template as Record<string, unknown>;
			const entry = (id: string, memo: string) => ({
				...bare,
				id,
				memo,
				date: '2026-02-10',
				lines: [
					{ account: (bare.lines as { account: string }[])[0]?.account, amount: '90000', commodity: 'USD' },
					{ account: (bare.lines as { account: string }[])[1]?.account, amount: '-90000', commodity: 'USD' }
				]
			});
			// Canonical JSON (keys sorted, no spaces), as Keel signs it.
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
			const b64 = (bytes: ArrayBuffer) =>
				btoa(String.fromCharCode(...new Uint8Array(bytes)))
					.replace(/\+/g, '-')
					.replace(/\//g, '_')
					.replace(/=+$/, '');
			// A key of Mallory's own: no owner or admin ever granted it anything.
			const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
				'sign',
				'verify'
			])) as CryptoKeyPair;
			const by = b64(await crypto.subtle.exportKey('raw', pair.publicKey));
			const selfSigned = entry('FORGED-SIGNED-0001', 'Consulting fee (self-signed)');
			const body = {
				t: 'keel-fact/1',
				workspaceId,
				shard: 'books',
				map: 'entries',
				key: selfSigned.id,
				value: selfSigned
			};
			const sig = b64(
				await crypto.subtle.sign(
					{ name: 'Ed25519' },
					pair.privateKey,
					new TextEncoder().encode(canonical(body))
				)
			);
			const unsigned = entry('FORGED-UNSIGNED-0001', 'Consulting fee (unsigned)');
			doc.transact(() => {
				entries.set(unsigned.id, unsigned);
				entries.set(selfSigned.id, { ...selfSigned, seal: { by, sig } });
				const settings = doc.getMap('settings');
				settings.set('lockDate', null);
				settings.set('lockSeen', { date: null, stateVector: '' });
			});
			return 'written';
		}, wsId);
		expect(forged).toBe('written');

		// Alice's books: neither forged entry counts; both are listed, saying why; the lock stays.
		await alice.goto(`/w/${wsId}/books/review`);
		const aside = alice.getByTestId('quarantined');
		await expect(aside).toHaveCount(2, { timeout: 30_000 });
		await expect(aside.filter({ hasText: 'Consulting fee (unsigned)' })).toContainText(
			'carries no signature of whoever posted it'
		);
		await expect(aside.filter({ hasText: 'Consulting fee (self-signed)' })).toContainText(
			'was signed by someone who is not a member, who may not post to the books'
		);
		await expect(alice.getByTestId('lock-review')).toContainText(
			'The lock date was changed to no lock date without a signature of someone who may; it stays 2026-01-31.'
		);
		await alice.goto(`/w/${wsId}/books`);
		await expect(balanceOf(alice, 'Assets:Checking')).toHaveText('5,000.00 USD');
		await alice.goto(`/w/${wsId}/settings`);
		await expect(alice.getByTestId('lock-date')).toHaveText('locked through 2026-01-31');

		// After a reload (shard and worker read back from IndexedDB), still so, reports included.
		await alice.reload();
		await expect(alice.getByTestId('lock-date')).toHaveText('locked through 2026-01-31');
		await alice.goto(`/w/${wsId}/books`);
		await expect(balanceOf(alice, 'Assets:Checking')).toHaveText('5,000.00 USD');
		await alice.goto(`/w/${wsId}/books/reports`);
		await expect(alice.getByText('90,000.00')).toHaveCount(0);
		// Mallory's own copy reads the same.
		await mallory.goto(`/w/${wsId}/books`);
		await expect(balanceOf(mallory, 'Assets:Checking')).toHaveText('5,000.00 USD');
	} finally {
		await pool.closeAll();
		signaling.stop();
	}
});
