// How Keel's end-to-end tests start Chromium: Debian's binary, headless, with the switches that let
// two browsers connect over WebRTC on loopback with no internet and no STUN server, and that keep
// Chromium off DNS and the network (see shared notes on WebRTC testing).
export const CHROMIUM_PATH = process.env.KEEL_CHROMIUM ?? '/usr/bin/chromium';
export const E2E_PORT = Number(process.env.KEEL_E2E_PORT ?? 4174);

export const CHROMIUM_ARGS = [
	'--headless',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--allow-loopback-in-peer-connection',
	'--use-fake-ui-for-media-stream',
	// One --disable-features switch only: a second one would replace this list.
	'--disable-features=WebRtcHideLocalIpsWithMdns',
	'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost'
];
