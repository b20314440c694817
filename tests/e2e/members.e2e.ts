// Members with keys, in separate Chromium instances over y-webrtc on loopback: a normal invite is
// confirmed by the owner's device and the member shows as Verified with their role in both browsers;
// a crafted invite built by a Tasks-only member (its own Books and People keys, its own root or its own
// signature) changes nothing in the owner's browser; an expired link and a withdrawn link are refused
// with a sentence the person can act on.
import type { Page } from '@playwright/test';
import { expect, test, testDay } from './test';
import { browserPool, createWorkspace, invite, join, startSignaling, waitForPeer } from './helpers';

let signaling: { url: string; stop: () => void };
const pool = browserPool();

test.beforeAll(async () => {
	signaling = await startSignaling();
});
test.afterAll(async () => {
	await pool.closeAll();
	signaling?.stop();
});

function memberRow(page: Page, name: string) {
	return page.getByTestId('member-row').filter({ hasText: name });
}

/** The link's JSON (everything after the #). */
function linkData(link: string): Record<string, unknown> {
	const fragment = link.split('#')[1] ?? '';
	return JSON.parse(Buffer.from(fragment, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** This browser's registry entry for a workspace, minus the private key (which cannot be read). */
async function registryEntry(page: Page, wsId: string) {
	return page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open('keel-registry');
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const entry = await new Promise<Record<string, unknown>>((resolve, reject) => {
			const req = db.transaction('workspaces').objectStore('workspaces').get(id);
			req.onsuccess = () => resolve(req.result as Record<string, unknown>);
			req.onerror = () => reject(req.error);
		});
		db.close();
		const device = entry.device as { publicKey: string; privateKey: CryptoKey };
		return {
			shards: entry.shards,
			signaling: entry.signaling,
			root: entry.root,
			publicKey: device.publicKey,
			privateKeyExtractable: device.privateKey.extractable
		};
	}, wsId);
}

/**
 * What a Tasks-only member can build in their own browser: a link for the real workspace id and meta
 * key, carrying Books and People keys and a signaling server of their own, signed by their own key
 * (and naming their own key as root unless `root` is given). The body is signed as Keel signs one.
 */
async function craftInvite(
	attacker: Page,
	base: Record<string, unknown>,
	root: string | null
): Promise<string> {
	return attacker.evaluate(
		async ({ base, root }) => {
			const b64 = (bytes: Uint8Array) =>
				btoa(String.fromCharCode(...bytes))
					.replaceAll('+', '-')
					.replaceAll('/', '_')
					.replace(/=+$/, '');
			const canonical = (v: unknown): string =>
				Array.isArray(v)
					? `[${v.map(canonical).join(',')}]`
					: v && typeof v === 'object'
						? `{${Object.keys(v)
								.sort()
								.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
								.join(',')}}`
						: JSON.stringify(v);
			const rand = () => b64(crypto.getRandomValues(new Uint8Array(18)));
			const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign'])) as CryptoKeyPair;
			const pub = b64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
			const shards = {
				...(base.shards as Record<string, unknown>),
				books: { room: rand(), secret: rand() },
				people: { room: rand(), secret: rand() }
			};
			const digest = new Uint8Array(
				await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(shards)))
			);
			const signaling = ['ws://127.0.0.1:1'];
			const body = {
				v: 1,
				kind: 'invite',
				id: 'ATTACKERINVITE01',
				workspaceId: base.workspaceId,
				by: pub,
				name: base.name,
				role: 'admin',
				expiresAt: '2099-01-01T00:00:00.000Z',
				singleUse: false,
				root: root ?? pub,
				keysDigest: [...digest].map((x) => x.toString(16).padStart(2, '0')).join(''),
				signaling
			};
			const sig = b64(
				new Uint8Array(
					await crypto.subtle.sign(
						{ name: 'Ed25519' },
						pair.privateKey,
						new TextEncoder().encode(canonical(body))
					)
				)
			);
			const link = {
				v: 1,
				workspaceId: base.workspaceId,
				name: base.name,
				grant: 'all',
				shards,
				signaling,
				seal: { body, sig }
			};
			return `${location.origin}/join#${b64(new TextEncoder().encode(JSON.stringify(link)))}`;
		},
		{ base, root }
	);
}

test('a normal invite is confirmed by the owner and shows as Verified with its role in both browsers', async () => {
	const owner = await pool.newPage();
	const bea = await pool.newPage();
	const wsId = await createWorkspace(owner, 'Keyed Co', 'Olga');
	const link = await invite(owner, wsId, signaling.url, 'Books (and Tasks)');
	await expect(memberRow(owner, 'Olga')).toContainText('Owner');
	await expect(memberRow(owner, 'Olga')).toContainText('Verified');
	await expect(owner.getByTestId('invite-row')).toContainText(['Books (and Tasks)']);
	await expect(owner.getByTestId('invite-row')).toContainText(testDay(7));

	await join(bea, link, 'Bea');
	await waitForPeer(bea);
	await bea.goto(`/w/${wsId}/settings`);
	await expect(memberRow(bea, 'Bea')).toContainText('Verified', { timeout: 30_000 });
	await expect(memberRow(bea, 'Bea')).toContainText('Books (and Tasks)');
	await expect(memberRow(bea, 'Olga')).toContainText('Owner');
	await expect(memberRow(owner, 'Bea')).toContainText('Verified');
	await expect(memberRow(owner, 'Bea')).toContainText('Books (and Tasks)');
	await expect(owner.getByTestId('invite-row')).toContainText('Bea');
	// The same key fingerprint in both browsers, and the private key cannot be read out.
	const fp = await memberRow(owner, 'Bea').locator('code').textContent();
	expect(fp).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
	await expect(memberRow(bea, 'Bea').locator('code')).toHaveText(fp ?? '');
	const beaEntry = await registryEntry(bea, wsId);
	expect(beaEntry.privateKeyExtractable).toBe(false);
	expect(beaEntry.root).toBe((await registryEntry(owner, wsId)).root);
	// A Books member cannot invite.
	await expect(bea.getByText('Only an owner or admin can create invite links.')).toBeVisible();
	await expect(bea.getByRole('button', { name: 'Create invite link' })).toHaveCount(0);
	await expect(memberRow(bea, 'Olga').getByRole('button', { name: 'Remove' })).toHaveCount(0);

	// The owner removes Bea: her role stops counting in both browsers.
	await memberRow(owner, 'Bea').getByRole('button', { name: 'Remove Bea' }).click();
	await expect(memberRow(owner, 'Bea')).toContainText('Removed');
	await expect(memberRow(bea, 'Bea')).toContainText('Removed', { timeout: 30_000 });
	await expect(memberRow(bea, 'Bea')).not.toContainText('Verified');
});

test('a crafted invite from a Tasks-only member changes nothing in the owner’s browser', async () => {
	const owner = await pool.newPage();
	const tom = await pool.newPage();
	const wsId = await createWorkspace(owner, 'Target Co', 'Olga');
	const link = await invite(owner, wsId, signaling.url, 'Tasks only');
	await join(tom, link, 'Tom');
	await waitForPeer(tom);
	const before = await registryEntry(owner, wsId);
	const real = linkData(link);
	const realRoot = (real.seal as { body: { root: string } }).body.root;

	// Its own root: refused as not made by this workspace.
	const ownRoot = await craftInvite(tom, real, null);
	await owner.goto(ownRoot);
	await owner.getByLabel('Your name').fill('Olga');
	await owner.getByRole('button', { name: 'Join workspace' }).click();
	await expect(owner.getByRole('alert')).toContainText('names a different owner');

	// The real root, but signed by the Tasks-only member: refused, it is no owner or admin.
	const realRootLink = await craftInvite(tom, real, realRoot);
	await owner.goto(realRootLink);
	await owner.getByLabel('Your name').fill('Olga');
	await owner.getByRole('button', { name: 'Join workspace' }).click();
	await expect(owner.getByRole('alert')).toContainText('not an owner or admin');

	// The same crafted link without a signature: refused as unsigned.
	const unsigned = { ...linkData(realRootLink), seal: undefined };
	await owner.goto(`/join#${Buffer.from(JSON.stringify(unsigned)).toString('base64url')}`);
	await owner.getByLabel('Your name').fill('Olga');
	await owner.getByRole('button', { name: 'Join workspace' }).click();
	await expect(owner.getByRole('alert')).toContainText('not signed');

	// The owner's keys, root and signaling servers are exactly as before: nothing reaches the attacker's rooms.
	const after = await registryEntry(owner, wsId);
	expect(after).toEqual(before);
	const attackerRooms = [linkData(ownRoot), linkData(realRootLink)].flatMap((d) =>
		['books', 'people'].map((s) => (d.shards as Record<string, { room: string }>)[s]?.room)
	);
	expect(JSON.stringify(after.shards)).not.toContain(attackerRooms[0]);
	for (const room of attackerRooms) expect(JSON.stringify(after)).not.toContain(room);
	// Tom's Tasks-only browser still holds no Books or People shard.
	expect(Object.keys((await registryEntry(tom, wsId)).shards as object).sort()).toEqual(['meta', 'tasks']);
});

test('an expired invite and a withdrawn invite are refused with a clear message', async () => {
	const owner = await pool.newPage();
	const late = await pool.newPage();
	const cleo = await pool.newPage();
	const wsId = await createWorkspace(owner, 'Careful Co', 'Olga');

	// Expired: a one-day link opened two days later by the joiner's own clock.
	const short = await invite(owner, wsId, signaling.url, 'Tasks only', { days: 1 });
	await late.clock.setSystemTime(new Date(`${testDay(2)}T09:00:00Z`));
	await late.goto(short);
	await late.getByLabel('Your name').fill('Lou');
	await late.getByRole('button', { name: 'Join workspace' }).click();
	await expect(late.getByRole('alert')).toContainText(`expired on ${testDay(1)}`);
	expect(late.url()).toContain('/join');

	// Withdrawn: the owner withdraws a link under Members.
	const withdrawn = await invite(owner, wsId, signaling.url, 'Books (and Tasks)');
	const rows = owner.getByTestId('invite-row');
	await rows.filter({ hasText: 'Books (and Tasks)' }).getByRole('button', { name: 'Withdraw' }).click();
	await expect(rows.filter({ hasText: 'Books (and Tasks)' })).toContainText('Withdrawn');

	// The owner's own browser knows at once and refuses it.
	await owner.goto(withdrawn);
	await owner.getByLabel('Your name').fill('Olga');
	await owner.getByRole('button', { name: 'Join workspace' }).click();
	await expect(owner.getByRole('alert')).toContainText('withdrawn');

	// A new browser cannot know before it syncs; once it does, it is told, and is never confirmed.
	await owner.goto(`/w/${wsId}/settings`);
	await join(cleo, withdrawn, 'Cleo');
	await waitForPeer(cleo);
	await cleo.goto(`/w/${wsId}/settings`);
	// The page may show other alerts too (the audit log's, for one): look for this one by its words.
	await expect(
		cleo.getByRole('alert').filter({ hasText: 'invite you joined with was withdrawn' })
	).toBeVisible({
		timeout: 30_000
	});
	await expect(memberRow(owner, 'Cleo')).not.toContainText('Verified');
	await expect(memberRow(cleo, 'Cleo')).not.toContainText('Verified');
});
