// A small, honest PDF 1.4 writer: one A4 page of Helvetica text lines, nothing else. Invariant: the
// output has a %PDF-1.4 header, five objects (catalog, pages, page, font, content stream), an xref
// table whose offsets are the byte positions of those objects, and a trailer pointing at the xref.
// Text is limited to WinAnsi-printable characters (others become '?'), escaped for PDF strings.

export interface PdfLine {
	readonly text: string;
	/** Points; defaults to 10. */
	readonly size?: number;
	readonly bold?: boolean;
	/** Points from the left margin. */
	readonly indent?: number;
}

function pdfString(text: string): string {
	let out = '';
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 63;
		const mapped =
			code === 0x2212
				? 45
				: code === 0x2014 || code === 0x2013
					? 45
					: code === 0xd7
						? 0xd7
						: code === 0xa3
							? 0xa3
							: code;
		if (mapped === 0x28 || mapped === 0x29 || mapped === 0x5c) out += '\\' + String.fromCharCode(mapped);
		else if (mapped >= 0x20 && mapped <= 0x7e) out += String.fromCharCode(mapped);
		else if (mapped >= 0xa0 && mapped <= 0xff) out += '\\' + mapped.toString(8).padStart(3, '0');
		else out += '?';
	}
	return `(${out})`;
}

/** One page (595 x 842 pt); lines that do not fit are left off and the last line says so. */
export function textPdf(lines: readonly PdfLine[]): Uint8Array {
	const ops: string[] = [];
	let y = 800;
	for (const [i, line] of lines.entries()) {
		const size = line.size ?? 10;
		y -= size + 4;
		if (y < 40) {
			ops.push(`BT /F1 9 Tf 40 30 Td ${pdfString(`... ${lines.length - i} more line(s) not shown`)} Tj ET`);
			break;
		}
		ops.push(
			`BT /${line.bold ? 'F2' : 'F1'} ${size} Tf ${40 + (line.indent ?? 0)} ${y} Td ${pdfString(line.text)} Tj ET`
		);
	}
	const content = ops.join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`
	];
	// Every character above is ASCII, so string length = byte length.
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(body.length);
		body += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	const bytes = new Uint8Array(body.length);
	for (let i = 0; i < body.length; i++) bytes[i] = body.charCodeAt(i);
	return bytes;
}
