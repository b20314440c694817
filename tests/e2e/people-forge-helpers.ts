// Shared by the People trust specs (people-forged-approval, people-forged-approver): a workspace where
// Dana asks for leave and Ada and Mallory join with People & Payroll access in browsers of their own
// (Mallory's with keel-debug, so her "edited copy of Keel" can reach the shard through
// window.__keel.debug.shardDoc), and the edited copy's writes: a value sealed with her own device key,
// written straight into a map of the people shard.
import type { Page } from '@playwright/test';
import { expect, testDay } from './test';
import { browserPool, createWorkspace, invite, join, waitForPeer } from './helpers';

/** Everything happens in the leave year of the test day. */
export const LEAVE_YEAR = testDay().slice(0, 4);

type YMap = {
	get: (k: string) => unknown;
	set: (k: string, v: unknown) => void;
	forEach: (f: (v: unknown, k: string) => void) => void;
};

/** The member id of the member named `name` (from the meta shard this browser holds), or ''. */
export function memberIdOf(page: Page, name: string): Promise<string> {
	return page.evaluate((name) => {
		const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } }).__keel;
		const meta = keel.debug.shardDoc('meta') as { getMap: (n: string) => YMap };
		let id = '';
		meta.getMap('members').forEach((m, memberId) => {
			if ((m as { name?: string }).name === name) id = memberId;
		});
		return id;
	}, name);
}

/** The id of the (one) leave request in the people shard this browser holds, or ''. */
export function leaveRequestIdOf(page: Page): Promise<string> {
	return page.evaluate(() => {
		const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } }).__keel;
		const people = keel.debug.shardDoc('people') as { getMap: (n: string) => YMap };
		let id = '';
		people.getMap('leave').forEach((v, k) => {
			if ((v as { kind?: string }).kind === 'request') id = k;
		});
		return id;
	});
}

/** The edited copy's write: `value` sealed with this browser's device key, set under `key` of `map`. */
export function sealedWrite(page: Page, p: { map: string; key: string; value: Record<string, unknown> }) {
	return page.evaluate(async ({ map, key, value }) => {
		const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } }).__keel;
		const people = keel.debug.shardDoc('people') as { getMap: (n: string) => YMap };
		const canonical = (x: unknown): string => {
			if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
			if (x !== null && typeof x === 'object') {
				const o = x as Record<string, unknown>;
				return `{${Object.keys(o)
					.filter((k) => o[k] !== undefined)
					.sort()
					.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
					.join(',')}}`;
			}
			return JSON.stringify(x) ?? 'null';
		};
		const b64 = (b: ArrayBuffer) =>
			btoa(String.fromCharCode(...new Uint8Array(b)))
				.replace(/\+/g, '-')
				.replace(/\//g, '_')
				.replace(/=+$/, '');
		const wsId = location.pathname.split('/')[2] ?? '';
		const device = await new Promise<{ publicKey: string; privateKey: CryptoKey }>((resolve, reject) => {
			const open = indexedDB.open('keel-registry');
			open.onerror = () => reject(new Error('no registry'));
			open.onsuccess = () => {
				const get = open.result.transaction('workspaces').objectStore('workspaces').get(wsId);
				get.onsuccess = () =>
					resolve((get.result as { device: { publicKey: string; privateKey: CryptoKey } }).device);
				get.onerror = () => reject(new Error('no entry'));
			};
		});
		const message = canonical({ t: 'keel-fact/1', workspaceId: wsId, shard: 'people', map, key, value });
		const sig = b64(
			await crypto.subtle.sign({ name: 'Ed25519' }, device.privateKey, new TextEncoder().encode(message))
		);
		people.getMap(map).set(key, { ...value, seal: { by: device.publicKey, sig } });
	}, p);
}

/** Mallory's edited copy approves Dana's request, sealed with her key, naming `byName` as deciding. */
export async function forgeApproval(page: Page, p: { id: string; byName: string }) {
	const by = await memberIdOf(page, p.byName);
	const requestId = await leaveRequestIdOf(page);
	const value = {
		id: p.id,
		requestId,
		status: 'approved',
		by,
		byName: p.byName,
		at: `${testDay()}T10:00:00.000Z`
	};
	await sealedWrite(page, { map: 'decisions', key: p.id, value });
	return { by: Boolean(by), requestId: Boolean(requestId) };
}

/**
 * Olga's workspace with the UK annual leave policy; Dana (hired this year) asks for two days in
 * December; Ada and Mallory join with People & Payroll access, each in a browser of her own. Returns
 * the pages, Dana's page and her available balance before any decision.
 */
export async function leaveTeam(pool: ReturnType<typeof browserPool>, signalingUrl: string, company: string) {
	const Y = LEAVE_YEAR;
	const owner = await pool.newPage();
	const wsId = await createWorkspace(owner, company, 'Olga');
	await owner.goto(`/w/${wsId}/people/policies`);
	await owner.getByRole('button', { name: /Add: UK annual leave/ }).click();
	await expect(owner.getByTestId('policy')).toContainText('25 days a year');
	await owner.goto(`/w/${wsId}/people/new`);
	await owner.getByLabel('Given name').fill('Dana');
	await owner.getByLabel('Family name').fill('Ruiz');
	await owner.getByLabel('Job title').fill('Nurse');
	await owner.getByLabel('Department').fill('Care');
	await owner.getByLabel('Location').fill('London');
	await owner.getByLabel('Start date').fill(`${Y}-01-01`);
	await owner.getByLabel('Annual salary').fill('40000');
	await owner.getByRole('button', { name: 'Add person' }).click();
	await expect(owner.getByTestId('person-name')).toHaveText('Dana Ruiz');
	const personUrl = new URL(owner.url()).pathname;
	await owner.getByLabel('Leave first day').fill(`${Y}-12-14`);
	await owner.getByLabel('Leave last day').fill(`${Y}-12-15`);
	await owner.getByRole('button', { name: 'Request leave' }).click();
	await expect(owner.getByTestId('leave-status')).toHaveText('Awaiting approval');
	const available = (await owner.getByTestId('leave-available').first().textContent()) ?? '';

	const adaLink = await invite(owner, wsId, signalingUrl, 'People & Payroll (and Tasks)');
	const ada = await pool.newPage();
	await join(ada, adaLink, 'Ada');
	await waitForPeer(ada);
	const malloryLink = await invite(owner, wsId, signalingUrl, 'People & Payroll (and Tasks)');
	const mallory = await pool.newPage();
	await mallory.addInitScript(() => localStorage.setItem('keel-debug', '1'));
	await join(mallory, malloryLink, 'Mallory');
	await waitForPeer(mallory);
	return { owner, ada, mallory, wsId, personUrl, available };
}
