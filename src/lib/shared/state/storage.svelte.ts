// How much this browser lets Keel keep, and whether it may evict it. Browsers can clear storage that
// is not "persistent" under pressure, so Keel asks for persistence and warns near the quota.
class StorageStatus {
	persisted = $state<boolean | null>(null);
	usage = $state<number | null>(null);
	quota = $state<number | null>(null);
	supported = $state(true);

	nearQuota = $derived(
		this.usage !== null && this.quota !== null && this.quota > 0 && this.usage / this.quota > 0.8
	);

	async refresh(): Promise<void> {
		if (!navigator.storage?.estimate) {
			this.supported = false;
			return;
		}
		const [estimate, persisted] = await Promise.all([
			navigator.storage.estimate(),
			navigator.storage.persisted?.() ?? Promise.resolve(false)
		]);
		this.usage = estimate.usage ?? null;
		this.quota = estimate.quota ?? null;
		this.persisted = persisted;
	}

	async requestPersistence(): Promise<boolean> {
		const granted = (await navigator.storage?.persist?.()) ?? false;
		this.persisted = granted;
		return granted;
	}
}

export const storageStatus = new StorageStatus();

export function formatBytes(bytes: number | null): string {
	if (bytes === null) return 'unknown';
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let v = bytes;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v.toFixed(i ? 1 : 0)} ${units[i]}`;
}
