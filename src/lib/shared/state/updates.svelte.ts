// Service-worker updates through workbox-window: a new version is offered, never forced. The page
// reloads only after the person clicks, and only once the new worker has taken control.
import { Workbox } from 'workbox-window';

class Updates {
	waiting = $state(false);
	registered = $state(false);
	#wb: Workbox | undefined;

	async register(): Promise<void> {
		if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
		const wb = new Workbox('/service-worker.js', { type: 'module' });
		this.#wb = wb;
		wb.addEventListener('waiting', () => (this.waiting = true));
		try {
			await wb.register();
			this.registered = true;
		} catch (e) {
			console.warn('Keel: offline support unavailable:', e);
		}
	}

	/** Checks for a new version now (also done by the browser on navigation). */
	async check(): Promise<void> {
		await this.#wb?.update();
	}

	/** The person asked for the new version: let it take over, then reload once it controls the page. */
	apply(): void {
		const wb = this.#wb;
		if (!wb) return;
		this.waiting = false;
		wb.addEventListener('controlling', () => location.reload());
		wb.messageSkipWaiting();
	}
}

export const updates = new Updates();
