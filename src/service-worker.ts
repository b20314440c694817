/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Precaches the app shell only (built JS/CSS, static files, the prerendered shell page, and the PDF
// writer's fonts, which are build assets: payslip PDFs are made offline). Business data never passes
// through here: it lives in IndexedDB. An update copies the content-hashed files it already holds
// (same name, same bytes) from the previous version's cache rather than downloading them again. A new version waits until the page asks it
// to take over (the "update available — reload" button), so nobody is reloaded mid-edit.
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `keel-shell-${version}`;
const SHELL = '/';
// static/_headers is for the host, not the page.
const ASSETS = [...new Set([...build, ...files.filter((f) => f !== '/_headers'), ...prerendered, SHELL])];

/** Built files whose names carry a hash of their content: a cached copy of one is still right. */
const immutable = (path: string) => path.includes('/_app/immutable/');

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			const fresh: string[] = [];
			for (const path of ASSETS) {
				const held = immutable(path) ? await caches.match(path) : undefined;
				if (held) await cache.put(path, held);
				else fresh.push(path);
			}
			await cache.addAll(fresh);
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// Every app route is the same client-rendered shell.
			if (request.mode === 'navigate') {
				const shell = await cache.match(SHELL);
				if (shell) return shell;
				return fetch(request);
			}
			const hit = await cache.match(url.pathname);
			if (hit) return hit;
			return fetch(request);
		})()
	);
});
