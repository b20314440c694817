// Turns a rule file's field path (`$.incomeTax.tables.standard.single[3].base`) into words a person
// reads ("Income tax › standard table › single › row 4 › tentative amount (column C)"), so a refused
// pack names the field without showing an internal path.

const WORDS: Readonly<Record<string, string>> = {
	pack: 'Pack header',
	format: 'format version',
	kind: 'kind of tables',
	taxYear: 'tax year',
	effectiveFrom: 'effective from',
	effectiveTo: 'effective to',
	title: 'title',
	source: 'source',
	checksum: 'checksum',
	schema: 'rule schema',
	frequencies: 'Pay frequencies',
	periods: 'periods per year',
	incomeTax: 'Income tax',
	standardDeduction: 'standard deduction',
	bracketTops: 'bracket tops',
	line1g: 'Worksheet 1A line 1g',
	allowance: 'allowance (Form W-4 from 2019 or earlier)',
	tables: '',
	standard: 'standard table',
	step2Checkbox: 'Step 2 checkbox table',
	head: 'head of household',
	atLeast: 'wage at least (column A)',
	base: 'tentative amount (column C)',
	rate: 'rate',
	supplemental: 'supplemental wages',
	mandatoryRate: 'mandatory rate',
	mandatoryThreshold: 'mandatory rate threshold',
	socialSecurity: 'Social Security',
	wageBase: 'wage base',
	medicare: 'Medicare',
	additionalMedicare: 'Additional Medicare',
	threshold: 'threshold',
	futa: 'FUTA',
	paye: 'PAYE',
	personalAllowance: 'personal allowance',
	emergencyCode: 'emergency tax code',
	payAdjustmentPer500: 'pay adjustment per 500 of code',
	regulatoryLimit: 'overriding regulatory limit',
	regimes: 'regimes',
	rUK: 'England and Northern Ireland',
	scotland: 'Scotland',
	wales: 'Wales',
	bands: 'bands',
	width: 'width',
	topRate: 'top rate',
	basicRateIndex: 'basic rate band',
	ni: 'National Insurance',
	annual: 'annual thresholds',
	thresholds: 'thresholds',
	weekly: 'weekly',
	monthly: 'monthly',
	categories: 'category letters',
	employeePtToUel: 'employee rate from PT to UEL',
	employeeAboveUel: 'employee rate above UEL',
	employerFrom: 'employer pays from',
	employerRate: 'employer rate'
};

/** Words for one key: the dictionary's (empty: left out), else the camelCase split into lower-case words. */
function word(key: string): string {
	if (key in WORDS) return WORDS[key] as string;
	// Abbreviations (PT, UEL, LEL) and category letters stay as written.
	return /^[A-Z0-9]+$/.test(key) ? key : key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "row", "band" or "item" for the n-th element of a list named `list`. */
function element(list: string, index: number): string {
	const n = index + 1;
	if (list === 'bands') return `band ${n}`;
	if (list === 'bracketTops') return `bracket top ${n}`;
	return `row ${n}`;
}

/** A field path in words; the file itself is "The file". */
export function fieldWords(path: string): string {
	const parts: string[] = [];
	for (const segment of path.replace(/^\$\.?/, '').split('.')) {
		if (segment === '') continue;
		const m = /^([^[]*)((?:\[\d+\])*)$/.exec(segment);
		const name = m?.[1] ?? segment;
		// The standard and checkbox tables are lists per filing status; the bands a list per regime.
		if (name && word(name) && !(name === 'bands' && m?.[2])) parts.push(word(name));
		for (const idx of (m?.[2] ?? '').matchAll(/\[(\d+)\]/g)) parts.push(element(name, Number(idx[1])));
	}
	if (parts.length === 0) return 'The file';
	const [first, ...rest] = parts;
	return [first!.charAt(0).toUpperCase() + first!.slice(1), ...rest].join(' › ');
}
