/** Paging through a Convirza list with limit/offset, the way every list pager here does. */

/** One page: its rows, and the offset the next page starts at (undefined at the end). */
export interface Page<T> {
	rows: T[];
	next?: number;
}

/** Every row up to `limit`, page after page of at most `pageSize`, as long as `fetch` says there is a next page. */
export async function* paged<T>(
	fetch: (page: { offset: number; limit: number }) => Promise<Page<T>>,
	pageSize: number,
	limit = Number.POSITIVE_INFINITY,
): AsyncGenerator<T> {
	let offset: number | undefined = 0;
	while (offset !== undefined && offset < limit) {
		const pageLimit = Math.min(pageSize, limit - offset);
		const page: Page<T> = await fetch({ offset, limit: pageLimit });
		yield* page.rows.slice(0, pageLimit);
		offset = page.next;
	}
}
