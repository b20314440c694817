// Checklist templates are data; instantiating one yields plain task drafts, each due a fixed number of
// days from the start or end date and assigned to the person holding the item's role. A role nobody
// holds, or an anchor date that is missing, is an error naming the item, never a silently dropped task.
import { addDays, ok, parseIsoDate, type IsoDate, type Result } from '../../shared/domain';
import { problem, problemsError, type FieldProblem } from './errors';
import type { EmployeeId } from './employee-types';
import { checklistTemplateKind } from './records/bundles';

export type ChecklistRole = 'manager' | 'hr' | 'it' | 'person';

export interface ChecklistItem {
	readonly id: string;
	readonly title: string;
	readonly description: string;
	readonly role: ChecklistRole;
	readonly relativeTo: 'startDate' | 'endDate';
	/** Days after (positive) or before (negative) the anchor date. */
	readonly dueOffsetDays: number;
}

export interface ChecklistTemplate {
	/** The version it was written at (see records/bundles.ts). */
	readonly schemaVersion: number;
	readonly id: string;
	readonly name: string;
	readonly kind: 'onboarding' | 'offboarding';
	readonly items: readonly ChecklistItem[];
}

export interface TaskDraft {
	readonly title: string;
	readonly description: string;
	readonly assignee: EmployeeId;
	readonly dueDate: IsoDate;
	readonly links: readonly { readonly kind: 'person'; readonly id: EmployeeId }[];
	/** Which template item produced the draft, so re-instantiating can be detected. */
	readonly source: { readonly templateId: string; readonly itemId: string };
}

const item = (
	id: string,
	title: string,
	description: string,
	role: ChecklistRole,
	relativeTo: ChecklistItem['relativeTo'],
	dueOffsetDays: number
): ChecklistItem => ({ id, title, description, role, relativeTo, dueOffsetDays });

export const NEW_HIRE_TEMPLATE: ChecklistTemplate = {
	schemaVersion: checklistTemplateKind.version,
	id: 'new-hire',
	name: 'New hire',
	kind: 'onboarding',
	items: [
		item(
			'contract',
			'Contract signed',
			'Send the contract and file the signed copy.',
			'hr',
			'startDate',
			-14
		),
		item(
			'payroll',
			'Payroll details',
			'Collect bank details, tax forms (W-4 or P45/starter checklist) and identifiers.',
			'hr',
			'startDate',
			-7
		),
		item('equipment', 'Equipment ready', 'Order and set up laptop and peripherals.', 'it', 'startDate', -3),
		item(
			'accounts',
			'Accounts created',
			'Create email and system accounts with the right access.',
			'it',
			'startDate',
			-1
		),
		item(
			'first-week',
			'First-week plan',
			'Share a plan for the first week, with a buddy and first goals.',
			'manager',
			'startDate',
			-2
		),
		item(
			'welcome',
			'Complete your profile',
			'Check your personal details and emergency contacts.',
			'person',
			'startDate',
			2
		)
	]
};

export const LEAVER_TEMPLATE: ChecklistTemplate = {
	schemaVersion: checklistTemplateKind.version,
	id: 'leaver',
	name: 'Leaver',
	kind: 'offboarding',
	items: [
		item(
			'final-pay',
			'Final pay',
			'Include outstanding leave, expenses and final deductions in the last pay run.',
			'hr',
			'endDate',
			-5
		),
		item(
			'equipment-return',
			'Equipment returned',
			'Collect laptop, badge and other equipment.',
			'it',
			'endDate',
			0
		),
		item(
			'access',
			'Access removed',
			'Disable accounts and revoke access at the end of the last day.',
			'it',
			'endDate',
			0
		),
		item(
			'exit-interview',
			'Exit interview',
			'Hold the exit interview and record feedback.',
			'hr',
			'endDate',
			-3
		),
		item('handover', 'Handover', 'Agree and complete a handover of work.', 'manager', 'endDate', -7)
	]
};

export function instantiateChecklist(
	template: ChecklistTemplate,
	person: { readonly id: EmployeeId },
	dates: { readonly startDate?: IsoDate | null; readonly endDate?: IsoDate | null },
	roleAssignees: Readonly<Partial<Record<Exclude<ChecklistRole, 'person'>, EmployeeId>>>
): Result<TaskDraft[]> {
	const problems: FieldProblem[] = [];
	const drafts: TaskDraft[] = [];
	for (const it of template.items) {
		const anchor = dates[it.relativeTo];
		if (!anchor || !parseIsoDate(anchor)) {
			problems.push(
				problem(
					it.relativeTo,
					'hr/checklist-date',
					`${it.title}: ${it.relativeTo} is needed to set the due date`
				)
			);
			continue;
		}
		if (!Number.isInteger(it.dueOffsetDays)) {
			problems.push(
				problem(
					`items.${it.id}.dueOffsetDays`,
					'hr/checklist-template',
					`${it.title}: due offset must be whole days`
				)
			);
			continue;
		}
		const assignee = it.role === 'person' ? person.id : roleAssignees[it.role];
		if (!assignee) {
			problems.push(
				problem(
					`roleAssignees.${it.role}`,
					'hr/checklist-role',
					`${it.title}: nobody is assigned the ${it.role} role`
				)
			);
			continue;
		}
		drafts.push({
			title: it.title,
			description: it.description,
			assignee,
			dueDate: addDays(anchor, it.dueOffsetDays),
			links: [{ kind: 'person', id: person.id }],
			source: { templateId: template.id, itemId: it.id }
		});
	}
	return problems.length === 0
		? ok(drafts)
		: problemsError('hr/checklist', `Checklist ${template.name}`, problems);
}
