import { describe, expect, it } from 'vitest';
import { LEAVER_TEMPLATE, NEW_HIRE_TEMPLATE } from '$lib/people/domain';
import { neutralChecklistTask, REMINDER_TITLE } from './tasks';

/** Words that would tell a Tasks-only teammate about hiring, leaving, pay, documents or conditions. */
const HR_WORDS =
	/pay|salar|wage|bank|tax|W-4|P45|contract|visa|right to work|passport|\bID\b|certificate|expir|renew|exit|leav|dismiss|fired|terminat|redundan|offboard|onboard|hire|new starter|final|sick|medical|condition|disciplin|interview/i;

describe('People tasks in the Tasks shard say nothing about HR', () => {
	it('every checklist item of both templates gets neutral words, the same for joining and leaving', () => {
		for (const template of [NEW_HIRE_TEMPLATE, LEAVER_TEMPLATE])
			template.items.forEach((item, i) => {
				const t = neutralChecklistTask(item.id, i + 1);
				expect(`${t.title} ${t.description}`).not.toMatch(HR_WORDS);
				expect(t.title).toMatch(new RegExp(`\\(step ${i + 1}\\)$`));
			});
		// The IT and manager items read alike whether someone joins or leaves.
		expect(neutralChecklistTask('equipment', 3).title).toBe('Equipment check (step 3)');
		expect(neutralChecklistTask('equipment-return', 3).title).toBe('Equipment check (step 3)');
		expect(neutralChecklistTask('access', 1)).toEqual(neutralChecklistTask('accounts', 1));
		expect(neutralChecklistTask('some-future-item', 9).title).toBe('Follow-up (step 9)');
		// The template's own words (shown in People) are the detail the neutral words hide.
		expect(LEAVER_TEMPLATE.items.map((x) => x.title).join(' ')).toMatch(HR_WORDS);
	});

	it('a document reminder names neither the kind of document nor an expiry', () => {
		expect(REMINDER_TITLE).not.toMatch(HR_WORDS);
	});
});
