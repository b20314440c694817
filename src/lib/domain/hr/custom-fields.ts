// Custom field values must match their workspace definition: a known field, the declared type, an
// allowed option for selects, and present when required. Definitions themselves must be coherent.
import { parseDecimal, parseIsoDate } from '../core';
import { problem, type FieldProblem } from './errors';
import type { CustomFieldDefinition, CustomFieldValues } from './employee-types';

export function checkCustomFieldDefinitions(defs: readonly CustomFieldDefinition[]): FieldProblem[] {
	const problems: FieldProblem[] = [];
	const seen = new Set<string>();
	defs.forEach((d, i) => {
		const field = `customFieldDefinitions[${i}]`;
		if (!d.id.trim()) problems.push(problem(`${field}.id`, 'hr/custom-field-definition', `${field}.id is empty`));
		if (seen.has(d.id)) problems.push(problem(`${field}.id`, 'hr/custom-field-definition', `${field}.id "${d.id}" is used twice`));
		seen.add(d.id);
		if (!d.name.trim()) problems.push(problem(`${field}.name`, 'hr/custom-field-definition', `${field}.name is empty`));
		if (d.type === 'select' && (!d.options || d.options.length === 0)) {
			problems.push(problem(`${field}.options`, 'hr/custom-field-definition', `${field} is a select without options`));
		}
		if (d.type !== 'select' && d.options && d.options.length > 0) {
			problems.push(problem(`${field}.options`, 'hr/custom-field-definition', `${field} has options but is ${d.type}`));
		}
	});
	return problems;
}

export function checkCustomFieldValues(
	defs: readonly CustomFieldDefinition[],
	values: CustomFieldValues
): FieldProblem[] {
	const problems: FieldProblem[] = [];
	const byId = new Map(defs.map((d) => [d.id, d]));
	for (const key of Object.keys(values)) {
		if (!byId.has(key)) {
			problems.push(problem(`customFields.${key}`, 'hr/custom-field-unknown', `customFields.${key} is not defined in this workspace`));
		}
	}
	for (const def of defs) {
		const field = `customFields.${def.id}`;
		const raw = values[def.id];
		if (raw === undefined || raw.trim() === '') {
			if (def.required) problems.push(problem(field, 'hr/custom-field-required', `${def.name} (${field}) is required`));
			continue;
		}
		if (def.type === 'number' && !parseDecimal(raw)) {
			problems.push(problem(field, 'hr/custom-field-type', `${def.name} (${field}) must be a number`));
		} else if (def.type === 'date' && !parseIsoDate(raw)) {
			problems.push(problem(field, 'hr/custom-field-type', `${def.name} (${field}) must be a date YYYY-MM-DD`));
		} else if (def.type === 'select' && !(def.options ?? []).includes(raw)) {
			problems.push(problem(field, 'hr/custom-field-option', `${def.name} (${field}) must be one of its options`));
		}
	}
	return problems;
}
