// The font files the PDF writer embeds, for the page: Noto Sans regular and bold (Latin, Greek,
// Cyrillic: "Łukasz Żółć") and Noto Sans JP (kanji and kana, "山田太郎"), all SIL OFL 1.1, taken from
// the @expo-google-fonts npm packages (licence and source: src/lib/payroll/domain/README.md, "PDF
// fonts"). Vite emits each file into the build as a hashed asset, so the service worker precaches it
// with the rest of the app and PDFs are made offline too. Invariant: a file is fetched at most once
// per page load, only when a PDF is made, and the 5 MB CJK font only for text that needs it.
import notoRegular from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import notoBold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import notoJp from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';
import type { PdfFontSource } from '$lib/payroll/domain/run';

const loaded = new Map<string, Promise<Uint8Array>>();

function load(url: string): Promise<Uint8Array> {
	let bytes = loaded.get(url);
	if (!bytes) {
		bytes = fetch(url).then(async (res) => {
			if (!res.ok) throw new Error(`The PDF font could not be loaded (${res.status}).`);
			return new Uint8Array(await res.arrayBuffer());
		});
		// A failed load is tried again next time rather than remembered.
		bytes.catch(() => loaded.delete(url));
		loaded.set(url, bytes);
	}
	return bytes;
}

export const pdfFonts: PdfFontSource = async ({ cjk }) => {
	const [regular, bold, jp] = await Promise.all([
		load(notoRegular),
		load(notoBold),
		cjk ? load(notoJp) : undefined
	]);
	return jp ? { regular, bold, cjk: jp } : { regular, bold };
};
