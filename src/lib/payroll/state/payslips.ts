// What a payslip shows besides its lines (address, masked tax number, year to date) and its PDF,
// for a finalized run or a preview. Plain functions over what PayrollState holds.
import type { Employee } from '$lib/people/domain';
import {
	addressLines,
	indexFinalized,
	maskedTaxId,
	payslipYearToDate,
	taxYearOf,
	type ComputedRun,
	type FinalizedRun,
	type PayRunDraft,
	type PaySchedule
} from '$lib/payroll/domain/run';
import type { CurrentOpening } from '$lib/payroll/domain/opening';
import type { PayslipExtras } from './verb';
import { pdfFonts } from './pdf-fonts';

/** The reads of PayrollState a payslip needs. */
export interface PayslipSources {
	final(id: string): FinalizedRun | undefined;
	draft(id: string): PayRunDraft | undefined;
	schedule(id: string): PaySchedule | undefined;
	openingFor(personId: string, jurisdiction: 'US' | 'UK', taxYear: string): CurrentOpening;
	readonly previews: Record<string, { computed: ComputedRun; stamp: string }>;
	readonly finals: FinalizedRun[];
}

/**
 * What a payslip shows besides its lines: the employee's address and masked tax number from their
 * People record (as it is now), and the year-to-date column from the finalized runs and the
 * opening figures from a previous provider.
 */
export function payslipExtras(
	s: PayslipSources,
	person: Employee | undefined,
	runId: string,
	personId: string
): PayslipExtras | null {
	const run = s.final(runId);
	const draft = run ? undefined : s.draft(runId);
	const slip = (run?.payslips ?? s.previews[runId]?.computed.payslips ?? []).find(
		(p) => p.personId === personId
	);
	const period = run?.period ?? draft?.period;
	const jurisdiction = run?.jurisdiction ?? (draft && s.schedule(draft.scheduleId)?.jurisdiction);
	if (!slip || !period || !jurisdiction) return null;
	const taxYear = taxYearOf(jurisdiction, period.payDate);
	const opening = s.openingFor(personId, jurisdiction, taxYear);
	return {
		employee: {
			address: addressLines(person?.address),
			taxId: maskedTaxId(jurisdiction, person?.nationalIds)
		},
		ytd: payslipYearToDate(indexFinalized(s.finals), {
			runId,
			jurisdiction,
			taxYear,
			payDate: period.payDate,
			slip,
			...(opening.kind === 'figures' ? { opening: opening.entry } : {})
		})
	};
}

/** The payslip as a PDF, or null when the run, the person's slip or its extras are missing. */
export function payslipPdfOf(
	s: PayslipSources,
	extras: PayslipExtras | null,
	p: {
		runId: string;
		personId: string;
		organisation: string;
		employerAddress: readonly string[];
		locale: string | undefined;
	}
): Promise<Uint8Array> | null {
	const run = s.final(p.runId);
	const draft = run ? undefined : s.draft(p.runId);
	const slip = (run?.payslips ?? s.previews[p.runId]?.computed.payslips ?? []).find(
		(x) => x.personId === p.personId
	);
	const period = run?.period ?? draft?.period;
	const currency = run?.currency ?? (draft && s.schedule(draft.scheduleId)?.currency);
	if (!slip || !period || !currency || !extras) return null;
	// The PDF writer (pdf-lib, fontkit: ~700 KB) and its fonts load on the first PDF, not with the app.
	return import('$lib/payroll/domain/run/payslip-pdf').then(({ payslipPdf }) =>
		payslipPdf(
			{
				organisation: p.organisation,
				period,
				currency,
				slip,
				status: run ? 'finalized' : 'preview, not final',
				employerAddress: p.employerAddress,
				...extras,
				...(p.locale ? { locale: p.locale } : {})
			},
			pdfFonts
		)
	);
}
