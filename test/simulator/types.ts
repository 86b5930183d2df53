// Public types of the Convirza API simulator (the API as Convirza documents it for Platform API v3).
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiCall, ApiTextConversation, CallShape, NewCall, TextChange } from './conversations/types';

export type UserRole = 'Admin' | 'Standard' | 'ReadOnly';
export type UserStatus = 'active' | 'inactive' | 'deleted';
export type GetUserShape = 'data' | 'data.user' | 'data.users';
export type LoginShape = 'bare' | 'envelope';
export type GroupTreeShape = 'flat' | 'nested';

export interface SimulatorOptions {
	/** default 0 (random free port) */
	port?: number;
	/** default 0; added before every response */
	latencyMs?: number;
	/** default 7 days; lifetime of OAuth-issued access tokens */
	accessTokenTtlMs?: number;
	/** default 0; adds N more realistic users (for paging tests) */
	extraUsers?: number;
	/** shape of GET /v3/users/{id}; default 'data.user' */
	getUserShape?: GetUserShape;
	/** POST /oauth/token and /oauth/refresh-token response shape; default 'bare' */
	loginShape?: LoginShape;
	/** default 10 (documented: 10 per minute per IP) */
	loginRateLimitPerMinute?: number;
	/** GET /v3/groups/tree shape; default 'flat' (the documented example) */
	groupTreeShape?: GroupTreeShape;
	/** default true; false stores neither `body` nor `rawBody` in the log (benchmarks) */
	logBodies?: boolean;
	/**
	 * default false: GET /v3/users/list without `user_status` leaves deleted users out. Convirza does not
	 * document what its default list returns, so true lets a test prove the node never matches them anyway.
	 */
	defaultListIncludesDeleted?: boolean;
	/**
	 * Freezes the simulator's clock at this time (ms or ISO); default: the real time, running. The
	 * default call window (last 7 days), recording expiry and the fixture's calls follow this clock.
	 */
	now?: number | string;
	/** default 5,000: the fixture's calls, spread over `callDays` days up to the clock at start */
	calls?: number;
	/** default 90 */
	callDays?: number;
	/**
	 * default false; true adds a deterministic hierarchy of a few hundred groups under Acme, whose
	 * names repeat at different levels (see seed.ts, `largeHierarchy`)
	 */
	largeHierarchy?: boolean;
}

/** Internal stored user, request-side names (what PUT/POST/PATCH send). */
export interface UserRecord {
	id: number;
	username: string;
	first_name: string;
	last_name: string;
	role: UserRole;
	user_ext_id: string | null;
	user_status: UserStatus;
	aliases: string | null;
	timezone: string;
	agent_ring_to: string | null;
	agent_code: number | null;
	ct_user_ou_id: number;
	score_call: boolean;
	access_audio: boolean;
	group_access: number;
	report_access: number;
	created_on: string;
	updated_at: string;
	/** test control only: overrides the role display name in responses (e.g. 'Supervisor') */
	roleDisplay?: string;
}

/** A user as GET /v3/users/list returns it (response-side names). */
export interface ApiUserListRow {
	first_name: string;
	last_name: string;
	email: string;
	user_ext_id: string | null;
	ct_user_id: number;
	status: UserStatus;
	agent_ring_to: string | null;
	agent_id: string;
	group: string;
	group_org_unit_id: number;
	group_external_id: string;
	account: string;
	account_org_unit_id: number;
	account_external_id: string;
	parent_group: string | null;
	parent_group_org_unit_id: number | null;
	parent_group_external_id: string | null;
	role: string;
	access_audio: 'Yes' | 'No';
	group_access: number;
	report_access: number;
	assign_scorecard: boolean;
	user_created: string;
}

/** A user as GET /v3/users/{id} returns it: the list row plus timezone, aliases, agent_code. */
export interface ApiUser extends ApiUserListRow {
	timezone: string;
	aliases: string | null;
	agent_code: number | null;
}

export interface AppliedWrite {
	method: string;
	path: string;
	userId: number;
	requestId: string;
}

export interface LoggedRequest {
	method: string;
	/** pathname only */
	path: string;
	/** pathname with query */
	url: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	/** parsed JSON body, or undefined (no body, invalid JSON, or logBodies: false) */
	body: unknown;
	rawBody: string;
	/** filled when answered (absent for reset faults) */
	status?: number;
	requestId: string;
	/** Date.now() when the request arrived */
	receivedAt: number;
	/** Date.now() when it was answered (absent for reset faults) */
	answeredAt?: number;
}

/**
 * Requests a test holds (see ConvirzaSimulator.hold): they arrived — logged, counted in flight,
 * their fault taken — and wait before anything else happens to them (token check, latency, the
 * fault's effect, routing) until released.
 */
export interface HeldRequests {
	/** The requests held so far, in arrival order (entries of the simulator's log). */
	readonly requests: readonly LoggedRequest[];
	/** Settles once `count` requests (default 1) have arrived at this hold in all. */
	arrived(count?: number): Promise<void>;
	/**
	 * Lets every held request go on, in arrival order, and stops holding: later requests pass.
	 * Settles once each request it let go has been answered (or its connection closed).
	 */
	release(): Promise<void>;
}

export type Fault =
	| { status: number; retryAfter?: string; body?: unknown }
	| { reset: 'before' }
	| { reset: 'after' }
	| { delayMs: number }
	/** never answered: the request stays open, unapplied, until the client gives up or the simulator closes */
	| { hang: true }
	| { malformedJson: true; status?: number }
	| { html: true; status?: number };

/** Seeded random faults (see FaultBook.injectRandom). */
export interface RandomFaults {
	rate: number;
	seed: number;
	faults: Fault[];
	/**
	 * Draw each request's fault from its own method, path and how many times that method and path
	 * came before, not from its place in the arrival order: the same request meets the same fault
	 * whatever the concurrency, so a concurrent run's outcome is fixed by the seed alone.
	 */
	perRequest?: boolean;
}

export interface OrgUnit {
	id: number;
	name: string;
	parentId: number | null;
	status: 'active' | 'inactive';
	extId: string;
	address?: string | null;
	city?: string | null;
	state?: string | null;
	zip?: string | null;
	phone?: string | null;
	industryId?: number | null;
	created?: string;
	modified?: string;
}

/** A group (org unit) as GET /v3/groups/list returns it (documented row). */
export interface ApiGroupRow {
	org_unit_id: number;
	org_unit_ext_id: string | null;
	org_unit_name: string;
	org_unit_parent_id: number | null;
	top_ou_id: number;
	org_unit_status: 'active' | 'inactive';
	billing_id: number;
	address: string | null;
	city: string | null;
	state: string | null;
	zip: string | null;
	phone_number: string | null;
	industry_id: number | null;
	industry_name: string | null;
	org_unit_created: string;
	org_unit_modified: string;
}

export interface AppliedGroupWrite {
	method: string;
	path: string;
	orgUnitId: number;
	requestId: string;
}

/** Mutable run-time settings shared by the routes. */
export interface Settings {
	latencyMs: number;
	accessTokenTtlMs: number;
	refreshTokenTtlMs: number;
	getUserShape: GetUserShape;
	loginShape: LoginShape;
	loginRateLimitPerMinute: number;
	groupTreeShape: GroupTreeShape;
	logBodies: boolean;
	defaultListIncludesDeleted: boolean;
	/** frozen clock (ms); undefined = real time */
	nowMs: number | undefined;
	/** 'http://127.0.0.1:<port>', for the recording URLs the calls listing hands out */
	origin: string;
	callShape: CallShape;
	/** the recording endpoint's content type; default 'audio/wav' */
	recordingType: string;
}

/** What a route handler returns; the server serialises it. */
export interface Reply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
	/** a body that is not JSON (the recording endpoint's audio) */
	bytes?: { type: string; data: Buffer };
}

export interface RouteContext {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** parsed JSON, undefined when there was no body */
	body: unknown;
	/** true when a non-empty body was not valid JSON */
	bodyInvalid: boolean;
	requestId: string;
	remoteAddress: string;
}

/** The running simulator handle returned by startSimulator(). */
export interface ConvirzaSimulator {
	/** 'http://127.0.0.1:<port>/v3' */
	readonly baseUrl: string;
	/** 'http://127.0.0.1:<port>' (the same server serves /v3/... and /oauth/...) */
	readonly oauthUrl: string;
	readonly port: number;
	/** seeded long-lived bearer tokens */
	readonly tokens: { readonly admin: string; readonly standard: string; readonly readOnly: string };
	readonly logins: {
		readonly admin: { readonly email: string; readonly password: string };
		readonly standard: { readonly email: string; readonly password: string };
	};
	/** every request, in arrival order */
	readonly log: readonly LoggedRequest[];
	/** every answered request, in the order answered (a reset or hung request has no answer) */
	readonly answers: readonly LoggedRequest[];
	/** clears `log` and `answers` */
	clearLog(): void;
	/** filter the log; method case-insensitive ('*' = any); string path = exact pathname (no query) */
	requests(method: string, path: string | RegExp): LoggedRequest[];
	/** every state change actually applied to a user */
	readonly writes: readonly AppliedWrite[];
	/** every state change actually applied to a group (POST, PUT, PATCH, DELETE /v3/groups) */
	readonly groupWrites: readonly AppliedGroupWrite[];
	/** clears `writes` and `groupWrites` */
	clearWrites(): void;
	/** a group as GET /v3/groups/{id} would show it, regardless of hierarchy; undefined when unknown */
	group(id: number): ApiGroupRow | undefined;
	/** the groups named `name` exactly, in id order (test lookups in the large hierarchy) */
	groupsNamed(name: string): ApiGroupRow[];
	/** test control; throws for an unknown id */
	setGroup(id: number, patch: Partial<Omit<OrgUnit, 'id'>>): void;
	/** snapshot as GET /v3/users/{id} would show it (response-side names), regardless of hierarchy */
	user(id: number): ApiUser | undefined;
	/** internal stored record (request-side names), a copy */
	userRecord(id: number): UserRecord | undefined;
	/** test control; throws for an unknown id. `roleDisplay` overrides the role display name. */
	setUser(id: number, patch: Partial<UserRecord> & { roleDisplay?: string }): void;
	/** adds n deterministic users to the Acme account; returns the new ids */
	addUsers(n: number): number[];
	setLatency(ms: number): void;
	setGroupTreeShape(shape: GroupTreeShape): void;
	setGetUserShape(shape: GetUserShape): void;
	setLoginShape(shape: LoginShape): void;
	/** whether the list without a `user_status` filter includes deleted users (see SimulatorOptions) */
	setDefaultListIncludesDeleted(on: boolean): void;
	/** queue faults for matching requests, consumed one per request in arrival order */
	inject(method: string, path: string | RegExp, ...faults: Fault[]): void;
	/** seeded PRNG: each matching request gets a fault with probability `rate`, picked from `faults` */
	injectRandom(method: string, path: string | RegExp, opts: RandomFaults): void;
	clearFaults(): void;
	/**
	 * Holds every matching request that arrives from now on until `release()` (method
	 * case-insensitive, '*' = any; string path = exact pathname, RegExp = tested on it). A request
	 * matching several holds not yet released is held by the oldest.
	 */
	hold(method: string, path: string | RegExp): HeldRequests;
	/** requests arrived and not answered yet (a held request is in flight) */
	readonly inFlight: number;
	readonly maxInFlight: number;
	resetInFlightStats(): void;
	expireAccessToken(token: string): void;
	revokeToken(token: string): void;
	/** successful POST /oauth/token logins */
	readonly loginCount: number;
	resetLoginRateLimit(): void;
	/** the simulator's clock (ms): the frozen time if set, else the real time */
	now(): number;
	/** freezes the clock at `time` (ms or ISO); the default call window and recording expiry follow it */
	setNow(time: number | string): void;
	/** every call stored, in progress included, oldest first, as the listing shows it (default shape, no expansions) */
	calls(): ApiCall[];
	/** adds a call (default: started now, ended 2 minutes later, answered, with a recording); returns its row */
	addCall(call?: NewCall): ApiCall;
	/** ends a call added with `inProgress: true` (now, or at `at`): listings show it from then on */
	endCall(id: number, at?: number | string): ApiCall;
	/** every text conversation stored, newest last message first */
	textConversations(): ApiTextConversation[];
	/** adds a text conversation (default: unassigned, open, one incoming message now) */
	addTextConversation(change?: TextChange): ApiTextConversation;
	/** a new message (conversation_updated = `at` or now), assignment, closing or reopening */
	updateTextConversation(id: number, change: TextChange): ApiTextConversation;
	/** the calls listing's rows key under `data` and the rows' start-time key (both undocumented) */
	setCallShape(shape: Partial<CallShape>): void;
	/** the recording endpoint's content type (e.g. 'application/octet-stream' to test the fallback) */
	setRecordingType(type: string): void;
	/** like inject, but the first `pass` matching requests go through untouched (e.g. page 2 answers 500) */
	injectAfter(method: string, path: string | RegExp, pass: number, ...faults: Fault[]): void;
	/** closes the server and all sockets promptly (pending delays, hangs and holds are cut short, their sockets destroyed) */
	close(): Promise<void>;
}
