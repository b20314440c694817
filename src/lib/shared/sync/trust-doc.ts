// The meta shard's trust statements: one plain JSON value per signed statement in the 'grants' map,
// keyed by the statement's id, written once and never updated. Every peer may write here, so nothing
// is believed as written: a value counts only if it matches its schema, sits under its own id, names
// this workspace and carries a good signature by the key it names. The rest is set aside and listed.
import * as Y from 'yjs';
import { applyStored, type StoredValue } from './shard-store';
import { v } from '$lib/shared/domain/schema';
import {
	signedStatement,
	type SignedStatement,
	type StatementBody,
	type UnsignedBody
} from '$lib/shared/domain/identity';
import { signBody, verifySigned, type DeviceKey } from '$lib/shared/crypto/signing';

export const TRUST_MAP = 'grants';

export interface SetAside {
	key: string;
	why: 'malformed' | 'misfiled' | 'other-workspace' | 'bad-signature';
}

/** Signs a statement of `key` for `workspaceId` under a fresh id. */
export async function signStatement(
	key: DeviceKey,
	workspaceId: string,
	id: string,
	statement: UnsignedBody
): Promise<SignedStatement> {
	const body = { ...statement, v: 1, id, workspaceId, by: key.publicKey } as StatementBody;
	return { body, sig: await signBody(key, body) };
}

/** Writes statements once each (a statement already there under its id is left as it is). */
export function writeStatements(doc: Y.Doc, statements: readonly SignedStatement[]): void {
	const m = doc.getMap<unknown>(TRUST_MAP);
	doc.transact(() => {
		for (const s of statements) if (!m.has(s.body.id)) m.set(s.body.id, s);
	});
}

/** Checked signatures by statement text, so a statement is verified once per page. */
const checked = new Map<string, boolean>();

/** The statements that verify, and the ones set aside with why. */
export async function readStatements(
	doc: Y.Doc,
	workspaceId: string
): Promise<{ verified: StatementBody[]; setAside: SetAside[] }> {
	const verified: StatementBody[] = [];
	const setAside: SetAside[] = [];
	for (const [key, raw] of doc.getMap<unknown>(TRUST_MAP).entries()) {
		const r = v.safeParse(signedStatement, raw);
		if (!r.success) {
			setAside.push({ key, why: 'malformed' });
			continue;
		}
		const { body, sig } = r.output;
		if (body.id !== key) setAside.push({ key, why: 'misfiled' });
		else if (body.workspaceId !== workspaceId) setAside.push({ key, why: 'other-workspace' });
		else {
			const memo = `${key}\u0000${sig}\u0000${JSON.stringify(body)}`;
			let good = checked.get(memo);
			if (good === undefined) {
				good = await verifySigned(body.by, body, sig);
				checked.set(memo, good);
			}
			if (good) verified.push(body);
			else setAside.push({ key, why: 'bad-signature' });
		}
	}
	return { verified, setAside };
}

export function observeTrust(doc: Y.Doc, onChange: () => void): () => void {
	const m = doc.getMap(TRUST_MAP);
	const handler = () => onChange();
	m.observe(handler);
	return () => m.unobserve(handler);
}

/**
 * `update` (a meta shard's stored update, or none) with its trust statements replaced by `statements`:
 * for a backup restored as a NEW workspace, where the source's roles mean nothing (another root).
 */
export function withFreshStatements(
	update: Uint8Array | undefined,
	statements: readonly SignedStatement[]
): Uint8Array {
	const doc = new Y.Doc();
	if (update) Y.applyUpdate(doc, update);
	const m = doc.getMap(TRUST_MAP);
	doc.transact(() => {
		for (const k of [...m.keys()]) m.delete(k);
	});
	writeStatements(doc, statements);
	const out = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return out;
}

/** The checked trust statements of a meta shard read from its stored updates (a workspace not open). */
export async function readStoredStatements(updates: readonly StoredValue[], workspaceId: string) {
	const doc = new Y.Doc();
	applyStored(doc, updates);
	try {
		return await readStatements(doc, workspaceId);
	} finally {
		doc.destroy();
	}
}

/** One workspace's trust statements as the state layer sees them: read, write, observe. */
export class TrustReplica {
	readonly #doc: Y.Doc;
	readonly #workspaceId: string;
	constructor(doc: Y.Doc, workspaceId: string) {
		this.#doc = doc;
		this.#workspaceId = workspaceId;
	}
	read() {
		return readStatements(this.#doc, this.#workspaceId);
	}
	write(statements: readonly SignedStatement[]): void {
		writeStatements(this.#doc, statements);
	}
	/** Whether a statement is stored under this id (checked or not). */
	has(id: string): boolean {
		return this.#doc.getMap(TRUST_MAP).has(id);
	}
	/** The stored signed statements under these ids (callers pass ids of bodies that verified). */
	stored(ids: readonly string[]): SignedStatement[] {
		const m = this.#doc.getMap<unknown>(TRUST_MAP);
		return ids.map((id) => m.get(id)).filter((x): x is SignedStatement => x !== undefined);
	}
	observe(onChange: () => void): () => void {
		return observeTrust(this.#doc, onChange);
	}
}
