// The checks adding a person runs before anything is written: the record itself and its first
// employment and pay facts, together, so every problem shows at once. Plain functions.
import { parseIsoDate, type IsoDate } from '$lib/domain/core';
import {
	validateCompensationHistory,
	validateEmployee,
	validateEmploymentHistory,
	type Compensation,
	type CustomFieldDefinition,
	type Employee,
	type Employment,
	type Fact
} from '$lib/domain/hr';
import { problemsOf, type FormProblem } from './people-data';
import { newId, nowIso } from './ids';

export interface HireFacts {
	employment: Fact<Employment>;
	compensation?: Fact<Compensation>;
}

/** The first facts of a new person's histories, and every problem with the record and them. */
export function hireFacts(p: {
	person: Employee;
	employment: Employment;
	compensation: Compensation | null;
	today: IsoDate;
	customFields: CustomFieldDefinition[];
	me: string;
}): { facts: HireFacts; problems: FormProblem[] } {
	const { employment, compensation } = p;
	const problems: FormProblem[] = [];
	const checked = validateEmployee(p.person, { today: p.today, customFieldDefinitions: p.customFields });
	if (!checked.ok) problems.push(...problemsOf(checked.error));
	const at = nowIso();
	const fact = <T>(changes: T): Fact<T> => ({
		id: newId(),
		effectiveDate: employment.startDate,
		recordedAt: at,
		recordedBy: p.me,
		changes,
		reason: 'Hired'
	});
	const facts = { employment: fact(employment), ...(compensation ? { compensation: fact(compensation) } : {}) };
	if (!parseIsoDate(employment.startDate)) {
		problems.push({ field: 'startDate', message: 'Start date: enter the first day of work.' });
	} else {
		const e = validateEmploymentHistory([facts.employment]);
		if (!e.ok) problems.push(...problemsOf(e.error));
		const c = facts.compensation && validateCompensationHistory([facts.compensation]);
		if (c && !c.ok) problems.push(...problemsOf(c.error));
	}
	return { facts, problems };
}
