/**
 * The calls API: 31-day windows, the pager over them (every page, each call once, stop and resume),
 * and the readers of the undocumented row shapes, which fail naming what they got.
 */
import type { INode } from 'n8n-workflow';

import { callIdOf, callStartOf, recordingOf, rowsUnder } from '../../nodes/Convirza/api/callRows';
import { callWindows, getCall, MAX_WINDOW_MS, readCalls, type CallsReadPage } from '../../nodes/Convirza/api/calls';
import { listTextConversations } from '../../nodes/Convirza/api/texts';
import type { ConvirzaClient } from '../../nodes/Convirza/transport';
import { checkDownloadUrl } from '../../nodes/Convirza/transport/endpoints';

const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const node = { id: '1', name: 'Convirza', type: 'convirza', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

interface Asked {
	start?: string;
	end?: string;
	offset: number;
	limit: number;
}

/** A client over calls at the given times, listing a window inclusively at both ends, like the simulator. */
function callsAt(times: number[]) {
	const asked: Asked[] = [];
	const calls = times.map((t, i) => ({ call_id: 1000 + i, call_started: new Date(t).toISOString() }));
	const client = {
		node,
		request: async ({ qs }: { qs: Asked }) => {
			asked.push(qs);
			const start = Date.parse(qs.start as string);
			const end = Date.parse(qs.end as string);
			const inWindow = calls.filter((c) => Date.parse(c.call_started) >= start && Date.parse(c.call_started) <= end);
			return { data: { calls: inWindow.slice(qs.offset, qs.offset + qs.limit), total: inWindow.length } };
		},
	} as unknown as ConvirzaClient;
	return { client, asked };
}

async function collect(pages: AsyncGenerator<CallsReadPage>, stopAfter = Infinity) {
	const ids: number[] = [];
	let last: CallsReadPage | undefined;
	let count = 0;
	for await (const page of pages) {
		ids.push(...page.calls.map((c) => Number(c.call_id)));
		last = page;
		if (++count >= stopAfter) break;
	}
	return { ids, last };
}

describe('callWindows', () => {
	it.each([
		[31, 1],
		[31.5, 2],
		[62, 2],
		[95, 4],
	])('%d days → %d windows, consecutive, none over 31 days', (days, count) => {
		const windows = callWindows({ start: T0, end: T0 + days * DAY });
		expect(windows).toHaveLength(count);
		expect(windows[0].start).toBe(T0);
		expect(windows.at(-1)?.end).toBe(T0 + days * DAY);
		windows.forEach((w, i) => {
			expect(w.end - w.start).toBeLessThanOrEqual(MAX_WINDOW_MS);
			if (i > 0) expect(w.start).toBe(windows[i - 1].end);
		});
	});
});

describe('readCalls', () => {
	it('95 days: 4 windows, every page of each, a call exactly on a seam once', async () => {
		const seam = T0 + 31 * DAY;
		const times = [...Array.from({ length: 450 }, (_, i) => T0 + 1000 + i * 60_000), seam, T0 + 94 * DAY];
		const { client, asked } = callsAt(times);
		const { ids } = await collect(readCalls(client, {}, { range: { start: T0, end: T0 + 95 * DAY } }));
		expect(ids.sort()).toEqual(times.map((_, i) => 1000 + i));
		expect(asked.map((q) => [q.start, q.offset])).toEqual([
			['2026-01-01T00:00:00.000Z', 0],
			['2026-01-01T00:00:00.000Z', 200],
			['2026-01-01T00:00:00.000Z', 400],
			['2026-02-01T00:00:00.000Z', 0],
			['2026-03-04T00:00:00.000Z', 0],
			['2026-04-04T00:00:00.000Z', 0],
		]);
		expect(asked.every((q) => q.limit === 200)).toBe(true);
	});

	it('newest first reads the newest window first', async () => {
		const { client, asked } = callsAt([T0 + DAY, T0 + 40 * DAY]);
		const { ids } = await collect(readCalls(client, {}, { range: { start: T0, end: T0 + 62 * DAY }, newestFirst: true }));
		expect(ids).toEqual([1001, 1000]);
		expect(asked.map((q) => q.start)).toEqual(['2026-02-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
	});

	it('a caller stops after a page and resumes from its cursor with the same seen set', async () => {
		const times = Array.from({ length: 5 }, (_, i) => T0 + i * 20 * DAY);
		const { client, asked } = callsAt(times);
		const read = { range: { start: T0, end: T0 + 90 * DAY }, pageSize: 2, seen: new Set<string>() };
		const first = await collect(readCalls(client, {}, read), 1);
		expect(first.ids).toEqual([1000, 1001]);
		expect(first.last?.next).toEqual({ window: 1, offset: 0 });
		const rest = await collect(readCalls(client, {}, { ...read, from: first.last?.next }));
		expect([...first.ids, ...rest.ids]).toEqual([1000, 1001, 1002, 1003, 1004]);
		expect(rest.last?.next).toBeUndefined();
		expect(asked).toHaveLength(3); // each window's total says when it is done
	});

	it('no range: one read of Convirza\'s default window, without start or end', async () => {
		const asked: Asked[] = [];
		const client = { node, request: async ({ qs }: { qs: Asked }) => (asked.push(qs), { data: { calls: [{ call_id: 1 }], total: 1 } }) } as unknown as ConvirzaClient;
		expect((await collect(readCalls(client, { caller_id: '+12065550123', disposition: ['BUSY', 'NO ANSWER'] }))).ids).toEqual([1]);
		expect(asked).toEqual([{ caller_id: '+12065550123', disposition: 'BUSY,NO ANSWER', limit: 200, offset: 0 }]);
	});
});

describe('getCall', () => {
	const answering = (answer: () => unknown) => ({ node, request: async () => answer() }) as unknown as ConvirzaClient;
	it('a 404 or an empty list is no call; another call is refused, not passed off', async () => {
		expect(await getCall(answering(() => Promise.reject(Object.assign(new Error('x'), { httpCode: '404' }))), '5', [])).toBeUndefined();
		expect(await getCall(answering(() => ({ data: { calls: [] } })), '5', [])).toBeUndefined();
		expect(await getCall(answering(() => ({ data: { calls: [{ call_id: 5 }] } })), '5', [])).toEqual({ call_id: 5 });
		await expect(getCall(answering(() => ({ data: { calls: [{ call_id: 6 }] } })), '5', [])).rejects.toThrow('other calls than 5');
	});
	it('other failures pass on', async () => {
		await expect(getCall(answering(() => Promise.reject(Object.assign(new Error('boom'), { httpCode: '500' }))), '5', [])).rejects.toThrow('boom');
	});
});

describe('row shapes (inferred)', () => {
	it('rows: data.calls, the one array under data, or data itself; otherwise an error naming the keys', () => {
		expect(rowsUnder(node, { calls: [{ a: 1 }], total: 1 }, 'calls')).toEqual([{ a: 1 }]);
		expect(rowsUnder(node, { rows: [{ a: 2 }], total: 1 }, 'calls')).toEqual([{ a: 2 }]);
		expect(rowsUnder(node, [{ a: 3 }], 'calls')).toEqual([{ a: 3 }]);
		expect(() => rowsUnder(node, { items: [], more: [], total: 0 }, 'calls')).toThrow(
			"Convirza's answer has no list of calls in a shape the node cannot read: it got an object with the keys items, more, total",
		);
		expect(() => rowsUnder(node, { total: 0 }, 'calls')).toThrow('it got an object with the keys total');
		expect(() => rowsUnder(node, undefined, 'calls')).toThrow('it got nothing');
	});
	it('call IDs: call_id, else id; neither fails', () => {
		expect(callIdOf(node, { call_id: 7 })).toBe('7');
		expect(callIdOf(node, { id: 'c-8' })).toBe('c-8');
		expect(() => callIdOf(node, { callId: 9 })).toThrow('a call without call_id in a shape the node cannot read: it got an object with the keys callId');
	});
	it('start times under any of the three names, as ISO or Unix seconds or ms', () => {
		const at = Date.parse('2026-03-01T10:00:00.000Z');
		expect(callStartOf(node, { call_started: '2026-03-01T10:00:00.000Z' })).toBe(at);
		expect(callStartOf(node, { start_time: at / 1000 })).toBe(at);
		expect(callStartOf(node, { call_start: at })).toBe(at);
		expect(() => callStartOf(node, { started: 'x' })).toThrow('a call without a start time (call_started, start_time, call_start)');
		expect(() => callStartOf(node, { call_started: 'yesterday' })).toThrow('a call start time (call_started) that is not a time');
	});
	it('recordings: recording_details (object or list), recordings, recording_url; none; unreadable', () => {
		const url = 'https://rec.example/1.mp3?sig=a';
		expect(recordingOf(node, { recording_details: { url, expires_at: 1_800_000_000 } })).toEqual({ url, expiresAt: 1_800_000_000_000 });
		expect(recordingOf(node, { recording_details: [{ recording_url: url }] })).toEqual({ url, expiresAt: undefined });
		expect(recordingOf(node, { recordings: [{ url }] })).toEqual({ url, expiresAt: undefined });
		expect(recordingOf(node, { recording_url: url })).toEqual({ url, expiresAt: undefined });
		expect(recordingOf(node, { recording_details: null })).toBeUndefined();
		expect(recordingOf(node, { call_id: 1 })).toBeUndefined();
		expect(() => recordingOf(node, { recording_details: { link: url } })).toThrow('it got an object with the keys link');
		expect(() => recordingOf(node, { recording_details: 'yes' })).toThrow('recording details');
	});
});

describe('texts', () => {
	it('rows under data.conversation; a Limit stops at the page that reaches it', async () => {
		const asked: Array<{ offset: number; limit: number }> = [];
		const client = {
			node,
			request: async ({ qs }: { qs: { offset: number; limit: number } }) => {
				asked.push({ offset: qs.offset, limit: qs.limit });
				const rows = Array.from({ length: Math.min(qs.limit, 500 - qs.offset) }, (_, i) => ({ conversation_id: qs.offset + i }));
				return { data: { total: 500, conversation: rows } };
			},
		} as unknown as ConvirzaClient;
		const ids: number[] = [];
		for await (const row of listTextConversations(client, { type: 'close' }, { limit: 250 })) ids.push(Number(row.conversation_id));
		expect(ids).toHaveLength(250);
		expect(asked).toEqual([{ offset: 0, limit: 200 }, { offset: 200, limit: 50 }]);
	});
});

describe('checkDownloadUrl: where a recording may be fetched from', () => {
	it.each([
		['https://recordings.convirza.example/1.mp3?sig=x', true],
		['http://127.0.0.1:8787/recordings/1.wav', true],
		['http://localhost/recordings/1.wav', true],
		['http://recordings.convirza.example/1.mp3', false],
		['ftp://recordings.convirza.example/1.mp3', false],
		['https://user:pw@recordings.convirza.example/1.mp3', false],
		['not a url', false],
	])('%s → %s', (url, accepted) => {
		const checked = checkDownloadUrl(url, 'recording link');
		expect('url' in checked).toBe(accepted);
		if (!('url' in checked)) expect(checked.message).not.toContain('sig=');
	});
});
