// The one code-to-words map: every failure code Keel uses has its words here, contributed by each
// feature through `defineMessages` in its domain (and re-exported by that domain's index), so a screen
// shows `describeError(error)` and never words a failure itself. A failure made with `problem(code,
// details)` takes its sentence from this map; a domain that names the figures (the line, the field, the
// amounts) writes its own sentence into `message`, which `describeError` then shows as it is.
import type { DomainError } from './result';

/** Words for one code: a sentence, or one built from the failure's details. */
export type Words = string | ((details: Readonly<Record<string, unknown>>) => string);

const registry = new Map<string, Words>();

/** What a person sees for a failure whose code no feature has defined (a bug, but never a blank). */
export const UNKNOWN_FAILURE = 'Something went wrong. Nothing was changed; please try again.';

/** Registers a feature's codes and their words; returns the map so the feature can type its codes by it. */
export function defineMessages<const M extends Readonly<Record<string, Words>>>(map: M): M {
	for (const [code, words] of Object.entries(map)) registry.set(code, words);
	return map;
}

/** The words the map has for a code (with details filled in), or the generic sentence. */
export function messageFor(code: string, details: Readonly<Record<string, unknown>> = {}): string {
	const words = registry.get(code);
	if (words === undefined) return UNKNOWN_FAILURE;
	return typeof words === 'function' ? words(details) : words;
}

/** The sentence a screen shows for a failure: the domain's own sentence, else the map's words. */
export function describeError(error: Pick<DomainError, 'code' | 'message' | 'details'>): string {
	const own = error.message.trim();
	return own !== '' ? own : messageFor(error.code, error.details);
}

/** A failure whose sentence is the map's words for its code. */
export function problem(code: string, details?: Readonly<Record<string, unknown>>): DomainError {
	const message = messageFor(code, details);
	return details === undefined ? { code, message } : { code, message, details };
}

/** Every code registered so far with its words (for the test that every code in use has words). */
export function registeredMessages(): ReadonlyMap<string, Words> {
	return registry;
}

/** Words for the failures shared infrastructure reports (records, forms, backups, invites, workers). */
export const SHARED_MESSAGES = defineMessages({
	'schema/invalid': 'A value is not in the expected form.',
	'form/invalid': 'A field is not filled in correctly.',
	'record/invalid': 'A stored record is damaged and was set aside.',
	'record/newer': 'A record was written by a newer version of Keel; update Keel to read it.',
	'storage/full':
		'This device has no room left for Keel’s data, so this was not saved and nothing was changed. Free some space (or remove a workspace you no longer need from this browser) and try again.',
	'storage/unsaved':
		'Your latest changes could not be saved on this device: it has no room left. They are kept in this tab and saved as soon as there is room; keep this tab open, and free some space.',
	'storage/unsaved-other': (d) =>
		`Your latest changes could not be saved on this device${typeof d.reason === 'string' && d.reason ? ` (the browser said: ${d.reason})` : ''}. They are kept in this tab and Keel keeps trying to save them; keep this tab open.`,
	'storage/failed': (d) =>
		`This could not be saved on this device, so nothing was changed${typeof d.reason === 'string' && d.reason ? ` (the browser said: ${d.reason})` : ''}. Try again; if it keeps failing, reload Keel.`,
	'backup/unreadable': 'The backup file could not be read. Nothing was changed.',
	'backup/locked': 'This backup is locked with a passphrase; enter it to restore.',
	'backup/wrong-passphrase':
		'Wrong passphrase, or the backup was changed after it was made. Nothing was changed.',
	'backup/damaged': 'The backup is damaged: its checksum does not match its contents. Nothing was changed.',
	'backup/edited': 'This backup was changed after it was made, so it was refused. Nothing was changed.',
	'backup/other-workspace': (d) =>
		`This is a backup of “${String(d.backupName ?? 'another workspace')}”, not of “${String(d.workspaceName ?? 'this workspace')}”: restore it as a new workspace from the workspace list. Nothing was changed.`,
	'backup/unchecked':
		'Keel cannot check whether this backup was changed after it was made. Restore it only if you know where it came from.',
	'workspace/not-open': 'Open the workspace to restore into first.',
	'workspace/name-required': 'Organisation name: required.',
	'invite/empty': 'This invite link has nothing after the #: ask for a new link.',
	'invite/damaged': 'This invite link is damaged (it could not be decoded): ask for a new link.',
	'invite/foreign': 'This is not a Keel invite link, or it is from a newer version of Keel.',
	'invite/unknown-grant': 'The invite names an unknown kind of access.',
	'invite/weak-key': (d) =>
		`The invite's key for ${String(d.shard ?? 'a part')} is too short to be safe: ask for a new link.`,
	'invite/no-workspace-key': 'The invite lacks the workspace key: ask for a new link.',
	'worker/failed': 'The background work failed. Nothing was changed; please try again.'
});

/** One problem with one field of a form or file, as a failure's `details.problems` lists them. */
export interface FieldProblemWords {
	readonly field: string;
	readonly message: string;
}

/** The per-field problems a failure carries in `details.problems` (checked, not cast), for forms. */
export function fieldProblems(error: Pick<DomainError, 'details'>): FieldProblemWords[] {
	const list = error.details?.['problems'];
	if (!Array.isArray(list)) return [];
	const out: FieldProblemWords[] = [];
	for (const p of list as unknown[]) {
		if (typeof p !== 'object' || p === null) continue;
		const field: unknown = Reflect.get(p, 'field');
		const message: unknown = Reflect.get(p, 'message');
		if (typeof field === 'string' && typeof message === 'string') out.push({ field, message });
	}
	return out;
}

/** Words for failures of member identity: signed invites and trust statements. */
export const TRUST_MESSAGES = defineMessages({
	'invite/unsigned':
		'This invite link is not signed (it was made by an older version of Keel, or by hand): ask an owner or admin for a new link.',
	'invite/bad-signature':
		'This invite link was altered after it was made, or was not signed by the person it names: nothing was joined. Ask an owner or admin for a new link.',
	'invite/expired': (d) =>
		`This invite link expired on ${String(d.date ?? 'an earlier day')}: ask an owner or admin for a new link.`,
	'invite/other-root':
		'This invite link names a different owner than the workspace you already have: it was not made by your workspace and nothing was joined.',
	'invite/not-admin':
		'This invite link was made by someone who is not an owner or admin of the workspace you already have: nothing was joined.',
	'invite/revoked': 'This invite link was withdrawn by an owner or admin: ask for a new link.',
	'trust/no-right': 'Only an owner or admin can do that.',
	'trust/not-ready': 'This workspace has no signing key in this browser yet; reopen it and try again.'
});

/** Words for the app lock (`shared/crypto/vault.ts`): unlocking a workspace and reading its records. */
export const VAULT_MESSAGES = defineMessages({
	'vault/wrong-passphrase': 'That passphrase does not unlock this workspace.',
	'vault/lock-damaged':
		'The lock of this workspace is damaged, or was made by a newer version of Keel, so it cannot be unlocked here.',
	'vault/record-refused':
		'A stored record could not be decrypted: it was changed after it was written, or it belongs somewhere else. It was not read.'
});
