import { describe, expect, it } from 'vitest';
import { connectSource, connectSrcFor } from './connect-policy';

describe('connect-src for a workspace', () => {
	it("lists 'self' and the origin of each ws:/wss: server, sorted and once", () => {
		expect(connectSrcFor([])).toBe("connect-src 'self'");
		expect(
			connectSrcFor(['wss://signal.example.org/path?x=1', 'ws://127.0.0.1:4444', 'WSS://Signal.Example.org'])
		).toBe("connect-src 'self' ws://127.0.0.1:4444 wss://signal.example.org");
	});
	it('never lets a configured value widen the policy or inject a directive', () => {
		for (const bad of [
			'https://evil.example',
			'*',
			'ws://*',
			"ws://a.example; script-src 'unsafe-inline'",
			'ws://user:pw@a.example',
			'not a url',
			'data:text/plain,x'
		])
			expect(connectSource(bad)).toBeNull();
		expect(connectSrcFor(["ws://a.example; script-src 'unsafe-inline'", 'ws://b.example:1'])).toBe(
			"connect-src 'self' ws://b.example:1"
		);
	});
});
