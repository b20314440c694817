// The app lock's key hierarchy: the data key opens only with its passphrase, survives a change of
// passphrase unchanged, and seals records that open only under that key, in their own place, unaltered.
// PBKDF2 runs at 1,000 iterations here (the test floor), except where 600,000 itself is the point.
import { describe, expect, it } from 'vitest';
import { checkNewPassphrase, describeError } from '../domain';
import { PBKDF2_ITERATIONS } from '../sync/backup-crypto';
import {
	changePassphrase,
	createVault,
	decryptRecord,
	encryptRecord,
	iterationFloor,
	passphraseProblem,
	readLockRecord,
	unlockVault,
	type LockRecord
} from './vault';

const FAST = { iterations: 1_000 };
const PASS = 'harbour lights 42';
const NEW_PASS = 'copper kettle river';
const bytes = (s: string) => new TextEncoder().encode(s);
const words = (b: Uint8Array) => new TextDecoder().decode(b);
const PLACE = 'keel-ws1-people#2026';

describe('vault: the lock record', () => {
	it('keeps the data key only wrapped, in plain JSON, and hands out a non-extractable key', async () => {
		const { record, key } = await createVault(PASS, FAST);
		expect(record).toMatchObject({ v: 1, kdf: 'PBKDF2-SHA256', iterations: 1_000 });
		expect(record.kid).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(record.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(JSON.parse(JSON.stringify(record))).toEqual(record);
		expect(key.extractable).toBe(false);
		expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
		expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
		const other = await createVault(PASS, FAST);
		expect(other.record.kid).not.toBe(record.kid);
		expect(other.record.salt).not.toBe(record.salt);
		expect(other.record.wrappedKey).not.toBe(record.wrappedKey);
	});

	it('unlocks with its passphrase to the same key, and refuses any other in words a person reads', async () => {
		const { record, key } = await createVault(PASS, FAST);
		const sealed = await encryptRecord(key, bytes('payslip 2026-01'), PLACE);
		const stored = JSON.parse(JSON.stringify(record)) as LockRecord;
		const unlocked = await unlockVault(stored, PASS);
		expect(unlocked.ok).toBe(true);
		if (!unlocked.ok) return;
		expect(unlocked.value.extractable).toBe(false);
		const opened = await decryptRecord(unlocked.value, sealed, PLACE);
		expect(opened.ok && words(opened.value)).toBe('payslip 2026-01');
		for (const wrong of ['Harbour lights 42', 'harbour lights 42 ', '']) {
			const r = await unlockVault(stored, wrong);
			expect(r.ok, wrong).toBe(false);
			if (r.ok) continue;
			expect(r.error.code).toBe('vault/wrong-passphrase');
			expect(describeError(r.error)).toBe('That passphrase does not unlock this workspace.');
		}
	});

	it('refuses a damaged, foreign or swapped lock record without throwing', async () => {
		const { record } = await createVault(PASS, FAST);
		const damaged: unknown[] = [
			null,
			'record',
			{ ...record, v: 2 },
			{ ...record, kdf: 'argon2id' },
			{ ...record, iterations: 999 },
			{ ...record, iterations: 1e9 },
			{ ...record, iterations: '1000' },
			{ ...record, salt: record.salt.slice(1) },
			{ ...record, wrappedKey: record.wrappedKey.replace(/^./, '+') },
			{ v: 1, kid: record.kid }
		];
		for (const stored of damaged) {
			const r = await unlockVault(stored as LockRecord, PASS);
			expect(r.ok, JSON.stringify(stored)).toBe(false);
			if (!r.ok) expect(r.error.code).toBe('vault/lock-damaged');
		}
		expect(readLockRecord({ ...record, salt: 'x' })).toMatchObject({
			ok: false,
			error: { details: { field: 'salt' } }
		});
		// Well-formed but not this vault's: another key id (bound to the wrap), another wrapped key.
		const other = (await createVault(PASS, FAST)).record;
		for (const swapped of [
			{ ...record, kid: other.kid },
			{ ...record, wrappedKey: other.wrappedKey },
			{ ...record, salt: other.salt }
		]) {
			const r = await unlockVault(swapped, PASS);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error.code).toBe('vault/wrong-passphrase');
		}
	});
});

describe('vault: changing the passphrase', () => {
	it('re-wraps the same key: records sealed before still open, and the old passphrase no longer unlocks', async () => {
		const { record, key } = await createVault(PASS, FAST);
		const before = await encryptRecord(key, bytes('sealed before the change'), PLACE);
		const changed = await changePassphrase(record, PASS, NEW_PASS, FAST);
		expect(changed.ok).toBe(true);
		if (!changed.ok) return;
		const next = changed.value;
		expect(next.kid).toBe(record.kid);
		expect(next.salt).not.toBe(record.salt);
		expect(next.wrappedKey).not.toBe(record.wrappedKey);
		const old = await unlockVault(next, PASS);
		expect(!old.ok && old.error.code).toBe('vault/wrong-passphrase');
		const unlocked = await unlockVault(next, NEW_PASS);
		expect(unlocked.ok).toBe(true);
		if (!unlocked.ok) return;
		const opened = await decryptRecord(unlocked.value, before, PLACE);
		expect(opened.ok && words(opened.value)).toBe('sealed before the change');
	});

	it('needs the current passphrase', async () => {
		const { record } = await createVault(PASS, FAST);
		const r = await changePassphrase(record, NEW_PASS, 'anything else at all', FAST);
		expect(!r.ok && r.error.code).toBe('vault/wrong-passphrase');
	});
});

describe('vault: sealed records', () => {
	it('puts the format version first and a fresh IV before the ciphertext', async () => {
		const { key } = await createVault(PASS, FAST);
		const plain = bytes('same words twice');
		const a = await encryptRecord(key, plain, PLACE);
		const b = await encryptRecord(key, plain, PLACE);
		expect(a[0]).toBe(1);
		expect(a.length).toBe(1 + 12 + plain.length + 16);
		expect(a.subarray(1, 13)).not.toEqual(b.subarray(1, 13));
		expect(a.subarray(13)).not.toEqual(b.subarray(13));
		const empty = await decryptRecord(key, await encryptRecord(key, new Uint8Array(0), PLACE), PLACE);
		expect(empty.ok && empty.value.length).toBe(0);
	});

	it('refuses a record moved to another shard, or opened with another workspace key', async () => {
		const { key } = await createVault(PASS, FAST);
		const sealed = await encryptRecord(key, bytes('salary 52000.00'), 'keel-ws1-people');
		expect((await decryptRecord(key, sealed, 'keel-ws1-people')).ok).toBe(true);
		for (const place of ['keel-ws1-tasks', 'keel-ws2-people', 'keel-ws1-people ', '']) {
			const r = await decryptRecord(key, sealed, place);
			expect(!r.ok && r.error.code, place).toBe('vault/record-refused');
		}
		const stranger = (await createVault(PASS, FAST)).key;
		const r = await decryptRecord(stranger, sealed, 'keel-ws1-people');
		expect(!r.ok && r.error.code).toBe('vault/record-refused');
	});

	it('refuses a change to any byte, a cut record and an unknown version, with words and no throw', async () => {
		const { key } = await createVault(PASS, FAST);
		const sealed = await encryptRecord(key, bytes('hours 37.5'), PLACE);
		for (let i = 0; i < sealed.length; i++) {
			const tampered = sealed.slice();
			tampered[i] = (tampered[i] ?? 0) ^ 0x01;
			const r = await decryptRecord(key, tampered, PLACE);
			expect(r.ok, `byte ${i}`).toBe(false);
			if (!r.ok) expect(describeError(r.error)).not.toBe('');
		}
		for (const cut of [sealed.subarray(0, sealed.length - 1), sealed.subarray(0, 29), new Uint8Array(0)]) {
			const r = await decryptRecord(key, cut, PLACE);
			expect(!r.ok && r.error.code).toBe('vault/record-refused');
		}
		const newer = sealed.slice();
		newer[0] = 2;
		const r = await decryptRecord(key, newer, PLACE);
		expect(!r.ok && r.error.code).toBe('record/newer');
	});
});

describe('vault: 600,000 iterations outside the tests', () => {
	it('is the floor of the built app and of scripts, and the default of every new lock record', async () => {
		expect(PBKDF2_ITERATIONS).toBe(600_000);
		expect(iterationFloor('production')).toBe(600_000);
		expect(iterationFloor('development')).toBe(600_000);
		expect(iterationFloor('')).toBe(600_000);
		expect(iterationFloor()).toBe(1_000); // vitest runs in Vite's mode `test`
		await expect(createVault(PASS, { iterations: 999 })).rejects.toThrow(RangeError);
		const { record } = await createVault(PASS);
		expect(record.iterations).toBe(600_000);
		const changed = await changePassphrase({ ...record, iterations: 1_000 }, PASS, NEW_PASS, FAST);
		expect(changed.ok).toBe(false); // the iterations are part of what unlocks it
	});
});

describe('vault: passphrase rule', () => {
	it('is the backup passphrase rule, with words for an empty lock passphrase', () => {
		expect(passphraseProblem(PASS, PASS)).toBeNull();
		expect(passphraseProblem('', '')).toBe('Passphrase: enter one to lock this workspace.');
		expect(passphraseProblem('harbour lights 42', 'harbour lights 43')).toMatch(/^Confirm passphrase: /);
		expect(passphraseProblem('Harbour Trust 2026', 'Harbour Trust 2026', ['Harbour Trust'])).not.toBeNull();
		for (const weak of ['short one', 'aaaaaaaaaaaaaaaa', 'Password1234!', 'qwertyuiopasdf']) {
			const backup = checkNewPassphrase({ passphrase: weak, confirmation: weak });
			expect(backup.ok, weak).toBe(false);
			if (!backup.ok) expect(passphraseProblem(weak, weak)).toBe(backup.error.message);
		}
	});
});
