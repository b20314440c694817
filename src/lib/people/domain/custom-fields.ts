// Custom field values must match their workspace definition: a known field, the declared type, an
// allowed option for selects, and present when required. An archived field keeps its values (known,
// never checked or required again) and takes no new ones in forms. Definitions must be coherent:
// unique ids and labels, options only (and always) on selects, no blank or repeated option.
import { parseDecimal, parseIsoDate } from '../../shared/domain';
import { problem, type FieldProblem } from './errors';
import type { CustomFieldDefinition, CustomFieldValues } from './employee-types';

export function checkCustomFieldDefinitions(defs: readonly CustomFieldDefinition[]): FieldProblem[] {
	const problems: FieldProblem[] = [];
	const seen = new Set<string>();
	const labels = new Set<string>();
	defs.forEach((d, i) => {
		const field = `customFieldDefinitions[${i}]`;
		const label = d.name.trim() ? `Field "${d.name.trim()}"` : field;
		if (!d.id.trim())
			problems.push(problem(`${field}.id`, 'hr/custom-field-definition', `${field}.id is empty`));
		if (seen.has(d.id))
			problems.push(
				problem(`${field}.id`, 'hr/custom-field-definition', `${field}.id "${d.id}" is used twice`)
			);
		seen.add(d.id);
		if (!d.name.trim())
			problems.push(
				problem(
					`${field}.name`,
					'hr/custom-field-definition',
					`${field}.name is empty: give the field a label`
				)
			);
		else if (!d.archived) {
			const key = d.name.trim().toLowerCase();
			if (labels.has(key))
				problems.push(
					problem(
						`${field}.name`,
						'hr/custom-field-definition',
						`${label}: another field already has this label`
					)
				);
			labels.add(key);
		}
		if (d.type === 'select' && (!d.options || d.options.length === 0)) {
			problems.push(
				problem(`${field}.options`, 'hr/custom-field-definition', `${label} is a select without options`)
			);
		}
		if (d.type !== 'select' && d.options && d.options.length > 0) {
			problems.push(
				problem(`${field}.options`, 'hr/custom-field-definition', `${label} has options but is ${d.type}`)
			);
		}
		const options = d.options ?? [];
		if (options.some((o) => !o.trim()))
			problems.push(problem(`${field}.options`, 'hr/custom-field-definition', `${label} has a blank option`));
		if (new Set(options.map((o) => o.trim())).size !== options.length)
			problems.push(
				problem(`${field}.options`, 'hr/custom-field-definition', `${label} lists an option twice`)
			);
	});
	return problems;
}

/** The fields a form asks for: not archived, in the order given. */
export function activeCustomFields(defs: readonly CustomFieldDefinition[]): CustomFieldDefinition[] {
	return defs.filter((d) => !d.archived);
}

export function checkCustomFieldValues(
	defs: readonly CustomFieldDefinition[],
	values: CustomFieldValues
): FieldProblem[] {
	const problems: FieldProblem[] = [];
	const byId = new Map(defs.map((d) => [d.id, d]));
	for (const key of Object.keys(values)) {
		if (!byId.has(key)) {
			problems.push(
				problem(
					`customFields.${key}`,
					'hr/custom-field-unknown',
					`customFields.${key} is not defined in this workspace`
				)
			);
		}
	}
	for (const def of defs) {
		if (def.archived) continue;
		const field = `customFields.${def.id}`;
		const raw = values[def.id];
		if (raw === undefined || raw.trim() === '') {
			if (def.required) problems.push(problem(field, 'hr/custom-field-required', `${def.name} is required`));
			continue;
		}
		if (def.type === 'number' && !parseDecimal(raw.trim())) {
			problems.push(problem(field, 'hr/custom-field-type', `${def.name} must be a number`));
		} else if (def.type === 'date' && !parseIsoDate(raw)) {
			problems.push(problem(field, 'hr/custom-field-type', `${def.name} must be a date YYYY-MM-DD`));
		} else if (def.type === 'select' && !(def.options ?? []).includes(raw)) {
			problems.push(
				problem(
					field,
					'hr/custom-field-option',
					`${def.name} must be one of: ${(def.options ?? []).join(', ')}`
				)
			);
		}
	}
	return problems;
}
