// Saving a Books export (journal, CSV) as a file the browser downloads. Amounts on screen are formatted by
// $lib/state/money-display (core's formatMoney in the workspace's number locale).

export { download } from '$lib/shared/components/download';
