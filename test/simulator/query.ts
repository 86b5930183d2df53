// Query-string parsing for list endpoints. Invalid values (incl. empty strings) raise QueryError -> 400.
export class QueryError extends Error {}

/** Clients must omit unused parameters: `?name=` is rejected (the docs' curl sends them empty, which is wrong). */
export function rejectEmptyParams(q: URLSearchParams): void {
	for (const [k, v] of q) {
		if (v === '') throw new QueryError(`Query parameter '${k}' must not be empty`);
	}
}

export function intParam(q: URLSearchParams, name: string, def: number, min: number, max: number): number {
	const raw = q.get(name);
	if (raw === null) return def;
	const n = /^[0-9]{1,15}$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(n) || n < min || n > max) {
		throw new QueryError(
			max === Number.MAX_SAFE_INTEGER
				? `Query parameter '${name}' must be an integer >= ${min}`
				: `Query parameter '${name}' must be an integer between ${min} and ${max}`,
		);
	}
	return n;
}

export function enumParam<T extends string>(q: URLSearchParams, name: string, values: readonly T[]): T | undefined {
	const raw = q.get(name);
	if (raw === null) return undefined;
	if (!(values as readonly string[]).includes(raw)) {
		throw new QueryError(`Query parameter '${name}' must be one of ${values.join(', ')}`);
	}
	return raw as T;
}

export function stringParam(q: URLSearchParams, name: string): string | undefined {
	return q.get(name) ?? undefined;
}

export interface Paging {
	limit: number;
	offset: number;
}

export function pagingParams(q: URLSearchParams): Paging {
	return {
		limit: intParam(q, 'limit', 100, 1, 200),
		offset: intParam(q, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
	};
}

/** ISO 8601 in UTC ("…Z"), as Convirza documents `start` and `end`; ms since the epoch. */
export function timeParam(q: URLSearchParams, name: string): number | undefined {
	const raw = q.get(name);
	if (raw === null) return undefined;
	const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(raw) ? Date.parse(raw) : NaN;
	if (!Number.isFinite(ms)) throw new QueryError(`Query parameter '${name}' must be an ISO 8601 UTC date-time, e.g. 2026-04-01T00:00:00Z`);
	return ms;
}

/** A comma-separated list (repeated parameters too), each value one of `values`. */
export function listParam<T extends string>(q: URLSearchParams, name: string, values: readonly T[]): T[] | undefined {
	const raw = q.getAll(name);
	if (raw.length === 0) return undefined;
	const items = raw.flatMap((part) => part.split(',')).map((item) => item.trim());
	for (const item of items) {
		if (!(values as readonly string[]).includes(item)) {
			throw new QueryError(`Query parameter '${name}' must list values among ${values.join(', ')}, got '${item}'`);
		}
	}
	return items as T[];
}
