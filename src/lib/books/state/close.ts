// Where the year-end closing entry posts the year's result, read from the chart: the template's
// fund net-assets accounts (nonprofit charts) or its retained earnings account. Plain functions
// over the chart; BooksState.closeYear builds and posts the entry.
import { CHART_TEMPLATES, type Account } from '$lib/books/domain';

/** The closing target, or a sentence saying which account the chart lacks. */
export function closeTarget(
	accounts: readonly Account[],
	chartTemplate: string | null
): { retainedEarnings: string } | { netAssetsByFund: Record<string, string> } | string {
	const open = accounts.filter((a) => !a.archived);
	const byCode = (code: string | undefined) =>
		code === undefined ? undefined : open.find((a) => a.code === code);
	const template = CHART_TEMPLATES.find((t) => t.id === chartTemplate);
	if (template?.funds?.length) {
		const netAssetsByFund: Record<string, string> = {};
		for (const f of template.funds) {
			const account = byCode(f.netAssetsCode);
			if (!account)
				return `The chart has no open account with code ${f.netAssetsCode} for the ${f.label} fund.`;
			netAssetsByFund[f.id] = account.id;
		}
		return { netAssetsByFund };
	}
	const retained =
		byCode(template?.retainedEarningsCode) ?? open.find((a) => a.subtype === 'retained-earnings');
	if (retained) return { retainedEarnings: retained.id };
	return 'The chart has no retained earnings account (an equity account of subtype retained earnings) to close into.';
}
