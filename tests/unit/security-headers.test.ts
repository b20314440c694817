// static/_headers (read by static hosts) must send the same headers `vite preview` sends.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../security-headers.js';

describe('security headers', () => {
	it('static/_headers says what security-headers.js says, for every path', () => {
		const lines = readFileSync('static/_headers', 'utf8')
			.split('\n')
			.filter((l) => l.trim() !== '' && !l.startsWith('#'));
		expect(lines[0]).toBe('/*');
		const headers = Object.fromEntries(
			lines.slice(1).map((l) => {
				const at = l.indexOf(':');
				return [l.slice(0, at).trim(), l.slice(at + 1).trim()];
			})
		);
		expect(headers).toEqual(SECURITY_HEADERS);
		expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
	});
});
