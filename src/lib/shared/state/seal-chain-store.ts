// Where this browser keeps the heads of its seal chains (shared/sync/fact-seal.ts): localStorage,
// one key per (workspace, shard, map, device key), so a reload continues a chain and the tabs of one
// browser mostly continue each other's. A head is the digest of a fact this device sealed, public
// and harmless; losing it (private mode, cleared storage) only starts a new chain, which checks too.
import { useSealChainStore } from '$lib/shared/sync/fact-seal';

let installed = false;

/** Installs the localStorage store once per page; a no-op where there is no localStorage. */
export function keepSealChainsInLocalStorage(): void {
	if (installed) return;
	installed = true;
	const storage = (() => {
		try {
			return globalThis.localStorage ?? null;
		} catch {
			return null;
		}
	})();
	if (!storage) return;
	useSealChainStore({
		get: (chain) => storage.getItem(chain),
		set: (chain, head) => storage.setItem(chain, head)
	});
}
