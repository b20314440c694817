// How a stored document may be shown: its bytes are checked (never its name or the uploader's stated
// type), and the blob handed to the screen carries the checked type only. Images go in an <img>, plain
// text in a sandboxed frame; PDFs and everything else are offered as a download, with the reason.
import { checkFileType, FILE_TYPE_SAMPLE_BYTES, type DocumentMeta } from '$lib/people/domain';

export type DocumentPreview =
	| { readonly show: 'image' | 'text'; readonly blob: Blob; readonly label: string }
	| { readonly show: 'download'; readonly why: string };

/**
 * What the screen may show for `meta`'s file `blob`. Chromium does not run its PDF viewer inside a
 * sandboxed frame (checked in real Chromium: the frame shows a broken-page icon), and an unsandboxed
 * frame would give the file our origin, so a PDF is offered as a download instead.
 */
export async function documentPreview(meta: DocumentMeta, blob: Blob): Promise<DocumentPreview> {
	const head = new Uint8Array(await blob.slice(0, FILE_TYPE_SAMPLE_BYTES).arrayBuffer());
	const checked = checkFileType(head, blob.size);
	switch (checked.kind) {
		case 'image':
		case 'text':
			return { show: checked.kind, blob: new Blob([blob], { type: checked.mime }), label: checked.label };
		case 'pdf':
			return {
				show: 'download',
				why: `${meta.fileName} is a PDF. This browser cannot show PDFs safely inside Keel (its PDF viewer does not run in the locked-down frame Keel uses for files), so download it to view it.`
			};
		case 'markup':
			return {
				show: 'download',
				why: `${meta.fileName} is not shown: its contents are a web page or drawing (HTML, SVG or XML), whatever its name says, and such files can run scripts. Download it only if you trust where it came from.`
			};
		case 'unknown':
			return {
				show: 'download',
				why: `${meta.fileName} is not shown: Keel shows only PNG, JPEG, GIF and WebP images and plain text, and this file's contents are none of those, whatever its name says. Download it only if you trust where it came from.`
			};
	}
}

/** The bytes as an opaque download, so a file's stated type can never make the browser render it. */
export function downloadBlob(blob: Blob): Blob {
	return new Blob([blob], { type: 'application/octet-stream' });
}
