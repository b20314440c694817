// The prebuilt simple-peer bundle that y-webrtc imports; Keel only wraps its prototype (peer-chunking.ts).
declare module 'simple-peer/simplepeer.min.js' {
	const Peer: unknown;
	export default Peer;
}
