// The backup passphrase rule: each refusal has its reason, and ordinary passphrases of unrelated
// words pass.
import { describe, expect, it } from 'vitest';
import { checkNewPassphrase, unpredictablePart } from './passphrase';

const check = (passphrase: string, confirmation = passphrase, extraWords: string[] = []) =>
	checkNewPassphrase({ passphrase, confirmation, extraWords });

describe('backup passphrase rule', () => {
	it('accepts a few unrelated words, and says why each weak passphrase is refused', () => {
		expect(check('harbour lights 42').ok).toBe(true);
		expect(check('correct horse battery').ok).toBe(true);
		const cases: Array<[string, string]> = [
			['', 'passphrase/missing'],
			['short one', 'passphrase/short'],
			['aaaaaaaaaaaaaaaa', 'passphrase/few-characters'],
			['abababababababab', 'passphrase/few-characters'],
			['123456789012', 'passphrase/predictable'],
			['Password1234!', 'passphrase/predictable'],
			['qwertyuiopasdf', 'passphrase/predictable'],
			['abcxyzabcxyzabcxyz', 'passphrase/predictable'],
			['zyxwvutsrqponm', 'passphrase/predictable']
		];
		for (const [p, code] of cases) {
			const r = check(p);
			expect(r.ok, p).toBe(false);
			if (!r.ok) {
				expect(r.error.code, p).toBe(code);
				expect(r.error.message).toMatch(/^Passphrase: /);
			}
		}
	});

	it('refuses the workspace name as most of the passphrase', () => {
		expect(check('Harbour Trust 2026', undefined, ['Harbour Trust']).ok).toBe(false);
		expect(check('Harbour Trust 2026').ok).toBe(true);
	});

	it('tells an empty app-lock passphrase that it is needed (a backup may go without)', () => {
		const r = checkNewPassphrase({ passphrase: '', confirmation: '', purpose: 'lock' });
		expect(!r.ok && r.error.code).toBe('passphrase/missing-lock');
		expect(!r.ok && r.error.message).not.toMatch(/without encryption/);
	});

	it('refuses a confirmation that differs', () => {
		const r = check('harbour lights 42', 'harbour lights 43');
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.code).toBe('passphrase/mismatch');
			expect(r.error.message).toMatch(/^Confirm passphrase: /);
		}
	});

	it('counts only what is left after common words, runs and repeats', () => {
		expect(unpredictablePart('password 1234 mellow')).toBe('mellow');
		expect(unpredictablePart('2024202420242024')).toBe('2024');
	});
});
