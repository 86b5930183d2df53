/**
 * Convirza's lists page with limit/offset and say `data.total` (documented). The one paging rule
 * every list follows: where the next page starts, and reading pages up to a limit.
 */

/**
 * The offset of the next page after a page of `count` rows asked at `offset` with `limit`; undefined
 * at the end: a short page, or Convirza's `total` reached.
 */
export function nextOffset(offset: number, count: number, limit: number, total: number | undefined): number | undefined {
	const end = offset + count;
	return count < limit || (total !== undefined && end >= total) ? undefined : end;
}

/** Every row, up to `limit`, reading pages of at most `pageSize` until `page` says there is no next. */
export async function* offsetPages<T>(
	page: (offset: number, limit: number) => Promise<{ rows: T[]; next?: number }>,
	limit: number,
	pageSize: number,
): AsyncGenerator<T> {
	let offset: number | undefined = 0;
	while (offset !== undefined && offset < limit) {
		const pageLimit = Math.min(pageSize, limit - offset);
		const { rows, next }: { rows: T[]; next?: number } = await page(offset, pageLimit);
		yield* rows.slice(0, pageLimit);
		offset = next;
	}
}
