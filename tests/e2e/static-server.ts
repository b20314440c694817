// A minimal static server over a copy of the build, reading files fresh on every request, so a test
// can "deploy" a new version under a running page. Unknown paths get the SPA fallback page.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { freePort } from './helpers';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json'
};

export async function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
	const port = await freePort();
	// node:http ignores what a request handler returns, so the async work is started here and its
	// failure answered as a server error instead of becoming an unhandled rejection.
	const server: Server = createServer((req, res) => {
		void answer(req.url ?? '/', res).catch((e: unknown) => {
			if (!res.headersSent) res.writeHead(500);
			res.end(String(e));
		});
	});
	async function answer(url: string, res: ServerResponse): Promise<void> {
		const path = normalize(decodeURIComponent(new URL(url, 'http://x').pathname)).replace(
			/^(\.\.[/\\])+/,
			''
		);
		const candidates = [
			join(dir, path),
			join(dir, path, 'index.html'),
			join(dir, `${path}.html`),
			join(dir, '200.html')
		];
		for (const file of candidates) {
			try {
				if (!(await stat(file)).isFile()) continue;
				const body = await readFile(file);
				res.writeHead(200, {
					'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
					'cache-control': 'no-cache'
				});
				res.end(body);
				return;
			} catch {
				/* try the next candidate */
			}
		}
		res.writeHead(404).end('not found');
	}
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
