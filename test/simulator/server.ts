// HTTP server: request log, in-flight accounting, holds, latency and fault handling around the router.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody, htmlErrorPage } from './envelope';
import { ConversationStore, toMs } from './conversations/store';
import { toApiCall } from './conversations/present';
import type { ApiCall, ApiTextConversation, CallRecord, CallShape, NewCall, TextChange } from './conversations/types';
import { FaultBook, matches } from './faults';
import { HoldBook } from './holds';
import { toApiUser, toGroupRow } from './present';
import { route } from './router';
import { simNow, type Services } from './routes/context';
import { ADMIN_USER_ID, SEED_LOGINS, SEED_TOKENS, largeHierarchy } from './seed';
import { SimState } from './state';
import type {
	ApiGroupRow, ApiUser, AppliedGroupWrite, AppliedWrite, ConvirzaSimulator, Fault, GetUserShape, GroupTreeShape, HeldRequests, LoggedRequest,
	LoginShape, OrgUnit, RandomFaults, RouteContext, Settings, SimulatorOptions, UserRecord,
} from './types';

const SEVEN_DAYS_MS = 7 * 24 * 3600 * 1000;
const REFRESH_TTL_MS = 180 * 24 * 3600 * 1000;

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

class Simulator implements ConvirzaSimulator {
	readonly tokens = SEED_TOKENS;
	readonly logins = SEED_LOGINS;
	readonly log: LoggedRequest[] = [];
	readonly answers: LoggedRequest[] = [];
	private readonly state = new SimState();
	private readonly faults = new FaultBook();
	private readonly holds = new HoldBook();
	/** How each request in flight leaves the count: on its answer, or when its connection closes. */
	private readonly leaves = new WeakMap<ServerResponse, () => void>();
	private readonly settings: Settings;
	private readonly svc: Services;
	private readonly server: Server;
	private readonly waits = new Set<{ timer?: NodeJS.Timeout; resolve: () => void }>();
	private closed = false;
	private current = 0;
	private peak = 0;
	port = 0;

	constructor(options: SimulatorOptions) {
		this.settings = {
			latencyMs: options.latencyMs ?? 0,
			accessTokenTtlMs: options.accessTokenTtlMs ?? SEVEN_DAYS_MS,
			refreshTokenTtlMs: REFRESH_TTL_MS,
			getUserShape: options.getUserShape ?? 'data.user',
			loginShape: options.loginShape ?? 'bare',
			loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 10,
			groupTreeShape: options.groupTreeShape ?? 'flat',
			logBodies: options.logBodies ?? true,
			defaultListIncludesDeleted: options.defaultListIncludesDeleted ?? false,
			nowMs: options.now === undefined ? undefined : toMs(options.now, 'now'),
			origin: '',
			callShape: { listKey: 'calls', startKey: 'call_started' },
			recordingType: 'audio/wav',
		};
		const conversations = new ConversationStore(
			{ calls: options.calls ?? 5000, days: options.callDays ?? 90, anchor: simNow(this.settings), assignee: ADMIN_USER_ID },
			() => simNow(this.settings),
		);
		this.svc = { state: this.state, settings: this.settings, conversations };
		if (options.extraUsers) this.state.addExtraUsers(options.extraUsers);
		if (options.largeHierarchy) this.state.addOrgUnits(largeHierarchy());
		this.server = createServer({ keepAlive: true }, (req, res) => void this.onRequest(req, res));
		this.server.keepAliveTimeout = 30_000;
		this.server.on('clientError', (_err, socket) => socket.destroy());
	}

	listen(port: number): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				this.server.off('error', reject);
				this.port = (this.server.address() as AddressInfo).port;
				this.settings.origin = this.oauthUrl;
				resolve();
			});
		});
	}

	get oauthUrl(): string { return `http://127.0.0.1:${this.port}`; }
	get baseUrl(): string { return `${this.oauthUrl}/v3`; }
	get writes(): readonly AppliedWrite[] { return this.state.writes; }
	get groupWrites(): readonly AppliedGroupWrite[] { return this.state.groupWrites; }
	get inFlight(): number { return this.current; }
	get maxInFlight(): number { return this.peak; }
	get loginCount(): number { return this.state.loginCount; }

	clearLog(): void {
		this.log.length = 0;
		this.answers.length = 0;
	}
	clearWrites(): void {
		this.state.writes.length = 0;
		this.state.groupWrites.length = 0;
	}
	group(id: number): ApiGroupRow | undefined {
		const ou = this.state.orgUnits.get(id);
		return ou && toGroupRow(ou, this.state);
	}
	groupsNamed(name: string): ApiGroupRow[] {
		return [...this.state.orgUnits.values()]
			.filter((ou) => ou.name === name)
			.sort((a, b) => a.id - b.id)
			.map((ou) => toGroupRow(ou, this.state));
	}
	setGroup(id: number, patch: Partial<Omit<OrgUnit, 'id'>>): void {
		this.state.updateOrgUnit(id, patch);
	}
	requests(method: string, path: string | RegExp): LoggedRequest[] {
		return this.log.filter((r) => matches(method, path, r.method, r.path));
	}
	user(id: number): ApiUser | undefined {
		const u = this.state.users.get(id);
		return u && toApiUser(u, this.state);
	}
	userRecord(id: number): UserRecord | undefined {
		const u = this.state.users.get(id);
		return u && { ...u };
	}
	setUser(id: number, patch: Partial<UserRecord> & { roleDisplay?: string }): void {
		this.state.updateUser(id, patch);
	}
	addUsers(n: number): number[] { return this.state.addExtraUsers(n); }
	setLatency(ms: number): void { this.settings.latencyMs = ms; }
	setGroupTreeShape(shape: GroupTreeShape): void { this.settings.groupTreeShape = shape; }
	setGetUserShape(shape: GetUserShape): void { this.settings.getUserShape = shape; }
	setLoginShape(shape: LoginShape): void { this.settings.loginShape = shape; }
	setDefaultListIncludesDeleted(on: boolean): void { this.settings.defaultListIncludesDeleted = on; }
	inject(method: string, path: string | RegExp, ...faults: Fault[]): void { this.faults.inject(method, path, faults); }
	injectRandom(method: string, path: string | RegExp, opts: RandomFaults): void {
		this.faults.injectRandom(method, path, opts);
	}
	clearFaults(): void { this.faults.clear(); }
	hold(method: string, path: string | RegExp): HeldRequests { return this.holds.add(method, path); }
	resetInFlightStats(): void { this.peak = this.current; }
	expireAccessToken(token: string): void { this.state.expireToken(token); }
	revokeToken(token: string): void { this.state.revokeToken(token); }
	resetLoginRateLimit(): void { this.state.resetLoginRateLimit(); }
	injectAfter(method: string, path: string | RegExp, pass: number, ...faults: Fault[]): void {
		this.faults.inject(method, path, faults, pass);
	}

	now(): number { return simNow(this.settings); }
	setNow(time: number | string): void { this.settings.nowMs = toMs(time, 'now'); }
	setCallShape(shape: Partial<CallShape>): void { this.settings.callShape = { ...this.settings.callShape, ...shape }; }
	setRecordingType(type: string): void { this.settings.recordingType = type; }
	private callRow(call: CallRecord): ApiCall {
		return toApiCall(call, {
			state: this.state, shape: { listKey: 'calls', startKey: 'call_started' }, includes: new Set(), origin: this.oauthUrl, now: this.now(),
		});
	}
	calls(): ApiCall[] {
		return [...this.svc.conversations.calls.values()]
			.sort((a, b) => a.startedAt - b.startedAt || a.call_id - b.call_id)
			.map((call) => this.callRow(call));
	}
	addCall(call: NewCall = {}): ApiCall { return this.callRow(this.svc.conversations.addCall(call)); }
	endCall(id: number, at?: number | string): ApiCall { return this.callRow(this.svc.conversations.endCall(id, at)); }
	textConversations(): ApiTextConversation[] {
		return [...this.svc.conversations.texts.values()]
			.map((text) => ({ ...text.row }))
			.sort((a, b) => Date.parse(b.conversation_updated) - Date.parse(a.conversation_updated) || a.conversation_id - b.conversation_id);
	}
	addTextConversation(change: TextChange = {}): ApiTextConversation {
		return { ...this.svc.conversations.addText(change).row };
	}
	updateTextConversation(id: number, change: TextChange): ApiTextConversation {
		return { ...this.svc.conversations.updateText(id, change).row };
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		for (const w of this.waits) {
			clearTimeout(w.timer);
			w.resolve();
		}
		this.waits.clear();
		this.holds.releaseAll();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	/** A timer (none: until close) that close() cuts short, so no handler outlives the server. */
	private wait(ms?: number): Promise<void> {
		return new Promise((resolve) => {
			if (this.closed) return resolve();
			const w: { timer?: NodeJS.Timeout; resolve: () => void } = { resolve };
			if (ms !== undefined) w.timer = setTimeout(() => { this.waits.delete(w); resolve(); }, ms);
			this.waits.add(w);
		});
	}

	/** Counts the request in flight until it is answered or its connection closes; settles then. */
	private track(res: ServerResponse): Promise<void> {
		this.current++;
		if (this.current > this.peak) this.peak = this.current;
		let done = false;
		return new Promise((settle) => {
			const leave = (): void => {
				if (!done) {
					done = true;
					this.current--;
					settle();
				}
			};
			this.leaves.set(res, leave);
			res.once('finish', leave);
			res.once('close', leave);
		});
	}

	private send(res: ServerResponse, entry: LoggedRequest, status: number, type: string, payload: string | Buffer,
		headers?: Record<string, string>): void {
		entry.status = status;
		entry.answeredAt = Date.now();
		this.answers.push(entry);
		this.leaves.get(res)?.();
		res.writeHead(status, {
			'content-type': type,
			'content-length': Buffer.byteLength(payload),
			'x-request-id': entry.requestId,
			...headers,
		});
		res.end(payload);
	}

	private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const requestId = randomUUID();
		const method = (req.method ?? 'GET').toUpperCase();
		const url = req.url ?? '/';
		const qi = url.indexOf('?');
		const path = qi < 0 ? url : url.slice(0, qi);
		const query = new URLSearchParams(qi < 0 ? '' : url.slice(qi + 1));
		const entry: LoggedRequest = {
			method, path, url, query: Object.fromEntries(query), headers: req.headers, body: undefined, rawBody: '', requestId,
			receivedAt: Date.now(),
		};
		this.log.push(entry);
		const settled = this.track(res);
		// Taken on arrival, so queued faults follow the log order (a held request's too).
		const fault = this.faults.take(method, path);
		try {
			const raw = await readBody(req);
			let body: unknown;
			let bodyInvalid = false;
			if (raw !== '') {
				try {
					body = JSON.parse(raw);
				} catch {
					bodyInvalid = true;
				}
			}
			if (this.settings.logBodies) {
				entry.rawBody = raw;
				entry.body = body;
			}
			const held = this.holds.take(entry, settled);
			if (held) await held;
			if (this.settings.latencyMs > 0) await this.wait(this.settings.latencyMs);
			if (fault && 'delayMs' in fault && fault.delayMs > 0) await this.wait(fault.delayMs);
			if (fault && 'hang' in fault) await this.wait();
			if (this.closed) return void res.destroy();
			const json = 'application/json; charset=utf-8';

			if (fault && 'reset' in fault && fault.reset === 'before') return void req.socket.destroy();
			if (fault && 'html' in fault) {
				const status = fault.status ?? 502;
				return this.send(res, entry, status, 'text/html; charset=utf-8', htmlErrorPage(status));
			}
			if (fault && 'status' in fault && !('malformedJson' in fault)) {
				const headers = fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : undefined;
				if (typeof fault.body === 'string') {
					return this.send(res, entry, fault.status, 'text/plain; charset=utf-8', fault.body, headers);
				}
				const payload = fault.body !== undefined ? fault.body
					: errorBody(fault.status, 'Injected fault', path, requestId);
				return this.send(res, entry, fault.status, json, JSON.stringify(payload), headers);
			}

			const ctx: RouteContext = {
				method, path, query, headers: req.headers, body, bodyInvalid, requestId,
				remoteAddress: req.socket.remoteAddress ?? 'unknown',
			};
			const reply = route(ctx, this.svc);
			if (fault && 'reset' in fault && fault.reset === 'after') return void req.socket.destroy();
			if (reply.bytes) return this.send(res, entry, reply.status, reply.bytes.type, reply.bytes.data, reply.headers);
			const text = JSON.stringify(reply.body);
			if (fault && 'malformedJson' in fault) {
				// A proper prefix of a JSON object is never valid JSON.
				const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
				return this.send(res, entry, fault.status ?? 200, json, cut, reply.headers);
			}
			return this.send(res, entry, reply.status, json, text, reply.headers);
		} catch (e: unknown) {
			if (res.headersSent || res.destroyed) return void res.destroy();
			const msg = `Internal server error: ${e instanceof Error ? e.message : String(e)}`;
			return this.send(res, entry, 500, 'application/json; charset=utf-8', JSON.stringify(errorBody(500, msg, path, requestId)));
		}
	}
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<ConvirzaSimulator> {
	const sim = new Simulator(options);
	await sim.listen(options.port ?? 0);
	return sim;
}
