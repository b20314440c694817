// The PDF fonts for tests in Node: the same files the app ships (src/lib/payroll/state/pdf-fonts.ts), read
// from node_modules instead of fetched, and a record of whether the CJK font was asked for.
import { readFileSync } from 'node:fs';
import type { PdfFontSource } from '../../src/lib/payroll/domain/run/pdf';

const read = (path: string) =>
	new Uint8Array(readFileSync(new URL(`../../node_modules/${path}`, import.meta.url)));
let files: { regular: Uint8Array; bold: Uint8Array; cjk: Uint8Array } | undefined;

export const fontRequests: { cjk: boolean }[] = [];

export const testFonts: PdfFontSource = async ({ cjk }) => {
	files ??= {
		regular: read('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
		bold: read('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
		cjk: read('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf')
	};
	fontRequests.push({ cjk });
	return cjk ? files : { regular: files.regular, bold: files.bold };
};
