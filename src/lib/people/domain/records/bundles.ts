// Records Keel writes whole rather than field by field: checklist templates (data a workspace may
// one day edit and share) and the person export, the bundle a privacy request is answered with.
import { nonEmptySchema, recordKind, textSchema, v } from '../../../shared/domain/schema';
import type { ChecklistItem, ChecklistTemplate } from '../checklists';
import type { PersonExport } from '../privacy';
import { fields, oneOf, storedVersion, type Same } from './base';
import { anyFactSchema } from './history';
import { leaveEventSchema } from './leave';
import { documentKind, employeeSchema } from './person';

const checklistItemSchema = fields({
	id: nonEmptySchema,
	title: textSchema,
	description: textSchema,
	role: oneOf(['manager', 'hr', 'it', 'person']),
	relativeTo: oneOf(['startDate', 'endDate']),
	dueOffsetDays: v.pipe(v.number('is not a number'), v.integer('is not a whole number'))
});
const _item: Same<v.InferOutput<typeof checklistItemSchema>, ChecklistItem> = true;

const checklistTemplateSchema = fields({
	schemaVersion: storedVersion,
	id: nonEmptySchema,
	name: textSchema,
	kind: oneOf(['onboarding', 'offboarding']),
	items: v.array(checklistItemSchema, 'is not a list')
});
const _template: Same<v.InferOutput<typeof checklistTemplateSchema>, ChecklistTemplate> = true;
export const checklistTemplateKind = recordKind<ChecklistTemplate>({
	name: 'checklist template',
	schema: checklistTemplateSchema
});

const personExportSchema = fields({
	format: v.literal('keel.person-export'),
	schemaVersion: storedVersion,
	exportedAt: textSchema,
	person: employeeSchema,
	histories: v.record(v.string(), v.array(anyFactSchema, 'is not a list'), 'is not a record'),
	leaveEvents: v.array(leaveEventSchema, 'is not a list'),
	documents: v.array(documentKind.schema, 'is not a list')
});
export const personExportKind = recordKind<PersonExport>({
	name: 'person export',
	schema: personExportSchema
});
