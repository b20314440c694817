// Writes to the people shard's settings and plain records, each checked first: leave policies,
// custom field definitions (checked against every other one), document
// records and onboarding checklist runs. The People replica's verbs for these are these.
import type * as Y from 'yjs';
import { fail, ok, type Result } from '$lib/shared/domain';
import {
	checkCustomFieldDefinitions,
	validateLeavePolicy,
	type CustomFieldDefinition,
	type DocumentMeta,
	type LeavePolicy
} from '$lib/people/domain';
import * as docs from './doc';
import * as fields from './fields';
import { readChecklistRun, readDocumentMeta, type ChecklistRun } from './shape';

export function savePolicy(doc: Y.Doc, policy: LeavePolicy): Result<LeavePolicy> {
	const valid = validateLeavePolicy(policy);
	if (!valid.ok) return valid;
	docs.savePolicy(doc, policy);
	return valid;
}

export function saveCustomField(
	doc: Y.Doc,
	current: readonly CustomFieldDefinition[],
	def: CustomFieldDefinition,
	at: string
): Result<CustomFieldDefinition> {
	const all = [...current.filter((d) => d.id !== def.id), def];
	const problems = checkCustomFieldDefinitions(all).filter((p) =>
		p.field.startsWith(`customFieldDefinitions[${all.length - 1}]`)
	);
	if (problems.length)
		return fail('hr/custom-field-definition', problems.map((p) => p.message).join('; '), {
			problems: problems.map((p) => ({
				...p,
				field: p.field.replace(/^customFieldDefinitions\[\d+\]\./, '')
			}))
		});
	fields.saveFieldDef(doc, def, at);
	return ok(def);
}

export function addDocument(doc: Y.Doc, meta: DocumentMeta): Result<DocumentMeta> {
	const read = readDocumentMeta(meta, meta.id);
	if (!read.ok) return fail('hr/document', `Document: ${read.error.message}`, { field: 'file' });
	docs.insertFact(doc, 'documents', meta.id, meta);
	return ok(meta);
}

export function recordChecklist(doc: Y.Doc, run: ChecklistRun): Result<ChecklistRun> {
	const read = readChecklistRun(run, run.id);
	if (!read.ok) return fail('hr/checklist', `Checklist: ${read.error.message}`);
	docs.insertFact(doc, 'checklists', run.id, run);
	return ok(run);
}

/**
 * Erases a person's personal details and their document metadata (file names can be personal) in
 * one transaction. Histories and leave facts stay: payroll retention needs them.
 */
export function erasePerson(doc: Y.Doc, personId: string, at: string, keepTaxIdentifiers: boolean): void {
	const documents = docs.factMap(doc, 'documents');
	doc.transact(() => {
		docs.erasePerson(doc, personId, at, keepTaxIdentifiers);
		for (const [id, v] of documents)
			if ((v as { personId?: unknown }).personId === personId) documents.delete(id);
	});
}
