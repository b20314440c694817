// WebRTC data channels drop messages larger than the negotiated maximum (256 KiB in Chromium)
// without an error, and y-webrtc sends a whole document as one message when a teammate first joins
// (yjs/y-webrtc#20). This splits large messages into fragments and reassembles them on the other
// side, by wrapping the simple-peer class that y-webrtc uses. Small messages go out unchanged, so
// peers stay compatible; all sends pass through one queue per peer that respects the channel's
// send buffer, so fragments never overtake or interleave with other messages.
import Peer from 'simple-peer/simplepeer.min.js';

/** First byte of a fragment. y-webrtc messages start with a small varint type, never 0xFF. */
const FRAGMENT = 0xff;
const HEADER = 13; // marker, message id (u32), index (u32), count (u32)
export const FRAGMENT_SIZE = 64 * 1024;
const HIGH_WATER = 4 * 1024 * 1024;

interface Channel {
	send(data: Uint8Array): void;
	bufferedAmount: number;
	bufferedAmountLowThreshold: number;
	addEventListener(type: 'bufferedamountlow', fn: () => void): void;
	removeEventListener(type: 'bufferedamountlow', fn: () => void): void;
}

interface PatchedPeer {
	destroyed: boolean;
	destroying: boolean;
	_channel: Channel | null;
	_keelQueue?: Uint8Array[];
	_keelWaiting?: boolean;
	_keelNextId?: number;
	_keelParts?: Map<number, { parts: Uint8Array[]; received: number }>;
	_onChannelMessage(event: { data: unknown }): void;
	send(data: Uint8Array | string): void;
}

/** Splits one message into fragments with the header above; returns [message] if it is small. */
export function fragment(message: Uint8Array, id: number, size = FRAGMENT_SIZE): Uint8Array[] {
	if (message.byteLength <= size) return [message];
	const count = Math.ceil(message.byteLength / size);
	const out: Uint8Array[] = [];
	for (let i = 0; i < count; i++) {
		const body = message.subarray(i * size, Math.min(message.byteLength, (i + 1) * size));
		const frame = new Uint8Array(HEADER + body.byteLength);
		const view = new DataView(frame.buffer);
		frame[0] = FRAGMENT;
		view.setUint32(1, id);
		view.setUint32(5, i);
		view.setUint32(9, count);
		frame.set(body, HEADER);
		out.push(frame);
	}
	return out;
}

/**
 * Collects fragments; returns the whole message once its last fragment arrives, the input itself
 * when it is not a fragment, and null while a message is incomplete.
 */
export function reassemble(
	parts: Map<number, { parts: Uint8Array[]; received: number }>,
	frame: Uint8Array
): Uint8Array | null {
	if (frame.byteLength < HEADER || frame[0] !== FRAGMENT) return frame;
	const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
	const id = view.getUint32(1);
	const index = view.getUint32(5);
	const count = view.getUint32(9);
	if (count === 0 || index >= count || count > 1 << 16) return null; // malformed: drop it
	let entry = parts.get(id);
	if (!entry) {
		entry = { parts: new Array<Uint8Array>(count), received: 0 };
		parts.set(id, entry);
	}
	if (!entry.parts[index]) {
		entry.parts[index] = frame.slice(HEADER);
		entry.received++;
	}
	if (entry.received < count) return null;
	parts.delete(id);
	const total = entry.parts.reduce((n, p) => n + p.byteLength, 0);
	const whole = new Uint8Array(total);
	let at = 0;
	for (const p of entry.parts) {
		whole.set(p, at);
		at += p.byteLength;
	}
	return whole;
}

function pump(peer: PatchedPeer): void {
	const channel = peer._channel;
	const queue = peer._keelQueue;
	if (!channel || !queue || peer.destroyed) return;
	while (queue.length) {
		if (channel.bufferedAmount > HIGH_WATER) {
			if (!peer._keelWaiting) {
				peer._keelWaiting = true;
				channel.bufferedAmountLowThreshold = HIGH_WATER / 4;
				const resume = () => {
					channel.removeEventListener('bufferedamountlow', resume);
					peer._keelWaiting = false;
					pump(peer);
				};
				channel.addEventListener('bufferedamountlow', resume);
			}
			return;
		}
		channel.send(queue.shift() as Uint8Array);
	}
}

let installed = false;

/** Wraps simple-peer once per page; safe to call again. */
export function installPeerChunking(): void {
	if (installed) return;
	installed = true;
	const proto = (Peer as unknown as { prototype: PatchedPeer }).prototype;
	const originalSend = proto.send;
	const originalReceive = proto._onChannelMessage;
	proto.send = function (this: PatchedPeer, data: Uint8Array | string) {
		if (typeof data === 'string' || this.destroying || this.destroyed || !this._channel)
			return originalSend.call(this, data);
		this._keelQueue ??= [];
		this._keelNextId = ((this._keelNextId ?? 0) + 1) >>> 0;
		this._keelQueue.push(...fragment(data, this._keelNextId));
		pump(this);
	};
	proto._onChannelMessage = function (this: PatchedPeer, event: { data: unknown }) {
		const data = event.data;
		if (!(data instanceof ArrayBuffer)) return originalReceive.call(this, event);
		this._keelParts ??= new Map();
		const whole = reassemble(this._keelParts, new Uint8Array(data));
		if (whole === null) return;
		const buffer =
			whole.byteOffset === 0 && whole.byteLength === whole.buffer.byteLength
				? whole.buffer
				: whole.slice().buffer;
		return originalReceive.call(this, { data: buffer });
	};
}
