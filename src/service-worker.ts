/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Precaches the app shell only (built JS/CSS, static files, the prerendered shell page). Business
// data never passes through here: it lives in IndexedDB. A new version waits until the page asks it
// to take over (the "update available — reload" button), so nobody is reloaded mid-edit.
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `keel-shell-${version}`;
const SHELL = '/';
const ASSETS = [...new Set([...build, ...files, ...prerendered, SHELL])];

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
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
