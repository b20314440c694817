// Issue 13's forged finalized pay run, in two separate Chromium instances: the owner finalizes a pay
// run; a teammate holding the People & Payroll key, with an edited copy of Keel, writes straight into
// the people shard — (a) over the finalized run, at ten times the pay, and (b) new finalizations of
// it at ten times the pay whose digests are lower than the real one's (a nonce tried until they are),
// one sealed with her own device key (she may finalize pay), one not sealed. The
// owner's run, payslip and Books posting keep the real figures after sync and after a reload, and
// Payroll → Needs review lists both attempts.
import { expect, test } from './test';
import { browserPool, invite, join, startSignaling, waitForPeer } from './helpers';
import { addEmployee, createWorkspace, runToFinalized, setUpPayroll } from './payroll-helpers';
import { balanceOf } from './books-helpers';

test('a finalized pay run written over or finalized again by a teammate keeps its figures, and both attempts are listed', async () => {
	const signaling = await startSignaling();
	const pool = browserPool();
	try {
		const owner = await pool.newPage();
		const wsId = await createWorkspace(owner, 'Forged Payroll Co', 'US');
		await addEmployee(owner, wsId, { given: 'Dana', family: 'Ruiz', salary: '52000', tax: 'us' });
		await setUpPayroll(owner, wsId);
		const net = await runToFinalized(owner, wsId, 'Dana Ruiz');
		const runUrl = new URL(owner.url()).pathname;
		await expect(owner.getByTestId('payroll-register')).toContainText('4,333.33 USD');
		const link = await invite(owner, wsId, signaling.url, 'People & Payroll (and Tasks)');

		const mallory = await pool.newPage();
		await mallory.addInitScript(() => localStorage.setItem('keel-debug', '1'));
		await join(mallory, link, 'Mallory');
		await waitForPeer(mallory);
		await mallory.goto(runUrl);
		await expect(mallory.getByTestId('run-status')).toHaveText('Finalized', { timeout: 30_000 });

		// Mallory's edited copy writes straight into her replica of the people shard.
		const forged = await mallory.evaluate(async () => {
			type YMap = {
				get: (k: string) => unknown;
				set: (k: string, v: unknown) => void;
				forEach: (f: (v: unknown, k: string) => void) => void;
			};
			type Doc = { getMap: (n: string) => YMap };
			const keel = (window as unknown as { __keel: { debug: { shardDoc: (s: string) => unknown } } }).__keel;
			const people = keel.debug.shardDoc('people') as Doc;
			const meta = keel.debug.shardDoc('meta') as Doc;
			let me = '';
			meta.getMap('members').forEach((m, id) => {
				if ((m as { name?: string }).name === 'Mallory') me = id;
			});
			/** Ten times every amount: the payslips still add up. */
			const tenfold = (x: unknown): unknown => {
				if (typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x)) {
					const [int = '0', frac = ''] = x.replace('-', '').split('.');
					const shifted = `${int}${frac.slice(0, 1) || '0'}${frac.length > 1 ? `.${frac.slice(1)}` : ''}`;
					const trimmed = shifted.replace(/^0+(?=\d)/, '');
					return x.startsWith('-') ? `-${trimmed}` : trimmed;
				}
				if (Array.isArray(x)) return x.map(tenfold);
				if (typeof x === 'object' && x !== null)
					return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, tenfold(y)]));
				return x;
			};
			const attempts = people.getMap('payRunFinalizations');
			const finals = people.getMap('payRunFinals');
			let key = '';
			attempts.forEach((_, k) => (key = k));
			const [runId = '', realId = ''] = key.split('/');
			const real = attempts.get(key) as { payslips: { payslip: unknown }[] } & Record<string, unknown>;
			const payslips = real.payslips.map((s) => ({ ...s, payslip: tenfold(s.payslip) }));

			// (a) Over the finalized run, and over the copy older versions read.
			const over = { ...real, payslips, attemptId: realId };
			attempts.set(key, over);
			finals.set(runId, over);

			// (b) New finalizations at ten times the pay whose digests are below the real one's: one
			// sealed with Mallory's own device key (she may finalize pay, so only its history gives it
			// away), one not sealed at all.
			// The owner's attempt id and seal are not part of the content a digest covers.
			const { attemptId: _drop, seal: _seal, ...rest } = real;
			void _drop;
			void _seal;
			const hex = (b: ArrayBuffer) =>
				[...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
			const b64 = (b: ArrayBuffer) =>
				btoa(String.fromCharCode(...new Uint8Array(b)))
					.replace(/\+/g, '-')
					.replace(/\//g, '_')
					.replace(/=+$/, '');
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
			const lowerAttempt = async (from: number) => {
				for (let nonce = from; nonce < from + 5_000_000; nonce++) {
					const body = { ...rest, payslips, finalizedBy: me, nonce };
					const id = hex(
						await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(body)))
					);
					if (id < realId) return { ...body, attemptId: id };
				}
				return null;
			};
			const signedOne = await lowerAttempt(0);
			const unsignedOne = await lowerAttempt(10_000_000);
			if (!signedOne || !unsignedOne) return { me: Boolean(me), lower: false };
			const forgedKey = `${runId}/${signedOne.attemptId}`;
			const message = canonical({
				t: 'keel-fact/1',
				workspaceId: wsId,
				shard: 'people',
				map: 'payRunFinalizations',
				key: forgedKey,
				value: signedOne
			});
			const sig = b64(
				await crypto.subtle.sign({ name: 'Ed25519' }, device.privateKey, new TextEncoder().encode(message))
			);
			const sealed = { ...signedOne, seal: { by: device.publicKey, sig } };
			attempts.set(forgedKey, sealed);
			finals.set(runId, sealed);
			attempts.set(`${runId}/${unsignedOne.attemptId}`, unsignedOne);
			return { me: Boolean(me), lower: true };
		});
		expect(forged).toEqual({ me: true, lower: true });

		// The owner's Needs review lists both attempts, in words, once they arrive.
		await owner.goto(`/w/${wsId}/payroll/review`);
		await expect(owner.getByTestId('payroll-late')).toHaveCount(1, { timeout: 30_000 });
		await expect(owner.getByTestId('payroll-late')).toContainText(
			'Mallory wrote another finalization of this run with different figures after it was finalized. Not applied'
		);
		const rewritten = owner.getByTestId('payroll-rewritten');
		await expect(rewritten.first()).toBeVisible();
		await expect(
			rewritten.filter({ hasText: 'Written over with different figures after it was finalized' })
		).not.toHaveCount(0);
		await expect(owner.getByTestId('payroll-kept-aside')).toContainText(
			'One finalized pay run does not count: it is not signed by anyone'
		);
		await expect(owner.getByTestId('payroll-review-count')).toBeVisible();

		/** The owner's run, payslip and Books posting: the real figures. */
		const realFigures = async () => {
			await owner.goto(runUrl);
			await expect(owner.getByTestId('run-status')).toHaveText('Finalized');
			await expect(owner.getByTestId('register-net')).toHaveText(net);
			await expect(owner.getByTestId('run-tampered')).toContainText(
				'Someone tried to change this run after it was finalized. Nothing was applied'
			);
			await expect(owner.getByTestId('payroll-register')).toContainText('4,333.33 USD');
			await expect(owner.getByTestId('payroll-register')).not.toContainText('43,333.30');
			await owner.getByRole('link', { name: 'Dana Ruiz' }).click();
			await expect(owner.getByTestId('payslip-net')).toHaveText(net);
			await owner.goto(`/w/${wsId}/books`);
			await expect(balanceOf(owner, 'Expenses:Wages and Salaries')).toHaveText('4,333.33 USD');
		};
		await realFigures();
		// After a reload (the shard read back from IndexedDB), still so, and still listed.
		await owner.reload();
		await realFigures();
		await owner.goto(`/w/${wsId}/payroll/review`);
		await expect(owner.getByTestId('payroll-late')).toHaveCount(1);
		await expect(owner.getByTestId('payroll-kept-aside')).toHaveCount(1);
		await expect(rewritten.first()).toBeVisible();

		// Mallory's own copy reads the same: her writes did not even apply for her.
		await mallory.reload();
		await mallory.goto(runUrl);
		await expect(mallory.getByTestId('register-net')).toHaveText(net, { timeout: 30_000 });
	} finally {
		await pool.closeAll();
		signaling.stop();
	}
});
