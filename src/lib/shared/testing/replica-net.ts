// A test network of Y.Doc replicas: every update is queued for every other replica and delivered in
// random order, only while both ends are connected, so tests can model offline peers and shuffled
// delivery the way a real mesh behaves. Test-only code.
import * as Y from 'yjs';

export { seededRandom as rng } from '$lib/shared/domain';

export class ReplicaNet {
	readonly docs: Y.Doc[];
	readonly online: boolean[];
	readonly #queues: Uint8Array[][];
	readonly #random: () => number;

	/** `makeDoc` builds each replica's doc (default: half garbage-collect, half keep everything). */
	constructor(
		count: number,
		random: () => number,
		makeDoc: (i: number) => Y.Doc = (i) => new Y.Doc({ guid: 'shard', gc: i % 2 === 0 })
	) {
		this.#random = random;
		this.docs = Array.from({ length: count }, (_, i) => makeDoc(i));
		this.online = this.docs.map(() => true);
		this.#queues = this.docs.map(() => []);
		this.docs.forEach((doc, from) => {
			doc.on('update', (update: Uint8Array, origin: unknown) => {
				if (origin === 'net') return;
				this.#queues.forEach((q, to) => {
					if (to !== from) q.push(update);
				});
			});
		});
	}

	/** Delivers up to `n` queued updates, picked at random, to replicas that are online. */
	deliverSome(n: number): void {
		for (let k = 0; k < n; k++) {
			const ready = this.#queues.map((q, i) => (this.online[i] && q.length ? i : -1)).filter((i) => i >= 0);
			if (!ready.length) return;
			const to = ready[Math.floor(this.#random() * ready.length)] as number;
			const q = this.#queues[to] as Uint8Array[];
			const idx = Math.floor(this.#random() * q.length);
			const [update] = q.splice(idx, 1);
			Y.applyUpdate(this.docs[to] as Y.Doc, update as Uint8Array, 'net');
		}
	}

	/**
	 * Reconnects everyone and delivers everything, shuffled. A peer that was offline only misses
	 * updates while it is offline in the sense that they wait in its queue, as y-webrtc's sync step
	 * would resend them on reconnect.
	 */
	flush(): void {
		this.online.fill(true);
		while (this.#queues.some((q) => q.length)) this.deliverSome(1000);
	}
}
