// How amounts and commodities are WRITTEN in journal files (hledger syntax): a serializer, not a display
// formatter. `formatAmount` prints the plain decimal as stored (no grouping, no locale) next to its
// commodity, so the journal reader reads it back unchanged; screens use core's `formatMoney` instead.
import { withCommodity } from '../../shared/domain/commodity';

export {
	commodityToken,
	isPrefixSymbol,
	isSimpleCommodity,
	isSimpleCommodityChar
} from '../../shared/domain/commodity';

/** Whether a commodity can be written at all (quoted if need be). */
export function isWritableCommodity(commodity: string): boolean {
	return !/["\r\n]/.test(commodity) && commodity.trim() === commodity;
}

/** Journal syntax: "$-10.00", "10.00 EUR", "5 \"ABC 1\"", "10.00" (no commodity). */
export function formatAmount(decimal: string, commodity: string): string {
	return withCommodity(decimal, commodity);
}
