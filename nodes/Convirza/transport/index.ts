import {
	NodeOperationError,
	sleep,
	type ICredentialsDecrypted,
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INode,
	type IPollFunctions,
} from 'n8n-workflow';

import { failureToError, type FailureContext } from './apiError';
import { backoffDelay } from './backoff';
import { DEFAULT_BASE_URL, checkDownloadUrl, checkServiceUrl, type CheckedUrl } from './endpoints';
import { classifyError, isRetryable, isThrottle, outcomeOf, type Failure } from './failure';
import type { ConvirzaEnvelope, HttpMethod } from './wire';

/** Retry and timeout limits; the node's Options expose them. */
export interface RequestPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** Upper bound of the time spent waiting between attempts of one request. */
	maxRetryWaitMs: number;
	/** Time allowed for one attempt. */
	timeoutMs: number;
	/** First wait before a retry when Convirza does not say how long; doubles per attempt. */
	retryDelayMs: number;
}

export const DEFAULT_POLICY: RequestPolicy = {
	maxAttempts: 5,
	maxRetryWaitMs: 60_000,
	timeoutMs: 30_000,
	retryDelayMs: 500,
};

export interface ApiRequest {
	method: HttpMethod;
	/** Path below the Base URL, starting with "/"; ids in it must already be validated. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** What a 404 means for this request, shown to the user. */
	notFound?: string;
	/** What a 403 means for this request (default: the user operations' Admin role). */
	forbidden?: string;
	/**
	 * For a request that is not safe to repeat (POST): what to do when it failed in a way that leaves
	 * open whether Convirza acted, e.g. how to check whether the user was created. Shown instead of
	 * the generic hint; the request itself is not repeated (see isRetryable).
	 */
	ambiguous?: string;
}

type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** A file downloaded: its bytes, and the content type its server declared, if any. */
export interface DownloadedFile {
	data: Buffer;
	contentType?: string;
}

/** Lets a concurrency limit follow how Convirza answers. */
export interface LoadFeedback {
	onHealthy(): void;
	onThrottle(): void;
}

function cancelSignal(context: ApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/** Thrown when an attempt, login included, outlasts the Timeout option. */
// Same code as the HTTP client's own timeout, so either way the user reads the same message.
const ATTEMPT_TIMEOUT = Object.assign(new Error('Convirza did not answer in time'), { code: 'ECONNABORTED' });

/** Stops an attempt's timer; a fixed reason spares creating an AbortError with a stack per request. */
const ATTEMPT_SETTLED = new Error('The attempt settled');

/**
 * Settles with `promise`, or rejects once the execution is cancelled or `timeoutMs` has passed.
 * n8n aborts and times out the API request itself, but not the credential's login that may run
 * before it; without this, a slow or hung login would hold the item (and a cancelled execution)
 * for as long as the login takes. What the abandoned promise does later is moot.
 */
async function settleWithin<T>(
	promise: Promise<T>,
	signal: AbortSignal | undefined,
	timeoutMs: number,
): Promise<T> {
	return await new Promise<T>((resolve, reject) => {
		const timer = new AbortController();
		const onCancel = () => settle(() => reject(new Error('The execution was cancelled')));
		function settle(outcome: () => void): void {
			timer.abort(ATTEMPT_SETTLED);
			signal?.removeEventListener('abort', onCancel);
			outcome();
		}
		// Observed first and always, so that an abandoned attempt failing later is never unhandled.
		promise.then(
			(value) => settle(() => resolve(value)),
			(error: unknown) => settle(() => reject(error)),
		);
		if (signal?.aborted) return onCancel();
		signal?.addEventListener('abort', onCancel, { once: true });
		sleep(timeoutMs, timer.signal).then(
			() => settle(() => reject(ATTEMPT_TIMEOUT)),
			() => undefined, // the timer was stopped because the attempt settled first
		);
	});
}

/**
 * The only place that speaks HTTP to Convirza. One client serves one node execution: it reads the
 * credential once, bounds every attempt by the Timeout option and the execution's cancellation,
 * retries what is safe to retry, and shares a throttle between all items so that a 429 or 503
 * slows every request down, not only the one that received it.
 */
export class ConvirzaClient {
	private connection: Promise<{ credentials: ICredentialsDecrypted; baseUrl: CheckedUrl }> | undefined;

	private pausedUntil = 0;

	constructor(
		private readonly context: ApiContext,
		private readonly policy: RequestPolicy = DEFAULT_POLICY,
		private readonly feedback?: LoadFeedback,
		private readonly random: () => number = Math.random,
	) {}

	private nodeCopy: INode | undefined;

	/**
	 * The node the requests are made for, for errors about what Convirza answered. Kept once: n8n's
	 * getNode() deep-copies the node on every call, and row readers name it for every row they check
	 * (10,000 call rows spent 0.4 s of CPU in those copies).
	 */
	get node(): INode {
		return (this.nodeCopy ??= this.context.getNode());
	}

	async request<T = IDataObject>(request: ApiRequest, itemIndex?: number): Promise<ConvirzaEnvelope<T>> {
		const { credentials, baseUrl } = await this.connect(itemIndex);
		const url = `${baseUrl}${request.path}`;
		return await this.withRetries(
			request.method,
			() =>
				this.context.helpers.httpRequestWithAuthentication.call(
					this.context,
					'convirzaApi',
					{
						method: request.method,
						url,
						body: request.body,
						qs: request.qs,
						json: true,
						timeout: this.policy.timeoutMs,
					},
					{ credentialsDecrypted: credentials },
				),
			// A 2xx whose body is not a JSON object: the change may or may not have been applied.
			(body) =>
				typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as ConvirzaEnvelope<T>) : undefined,
			{ ...request, itemIndex },
		);
	}

	/**
	 * GET of a file at a URL Convirza handed out (a signed recording URL on its storage host): a plain
	 * request, never the authenticated one, so the Convirza token does not travel to another host.
	 * Retried like any GET. The URL must be https:// (http:// only on loopback, the local simulator).
	 */
	async download(rawUrl: string, what: string, itemIndex?: number): Promise<DownloadedFile> {
		const checked = checkDownloadUrl(rawUrl, what);
		if (!('url' in checked)) {
			throw new NodeOperationError(this.context.getNode(), checked.message, { description: checked.description, itemIndex });
		}
		return await this.withRetries(
			'GET',
			() =>
				this.context.helpers.httpRequest({
					method: 'GET',
					url: checked.url,
					encoding: 'arraybuffer',
					json: false,
					returnFullResponse: true,
					timeout: this.policy.timeoutMs,
				}),
			(response) => {
				const { body, headers } = (response ?? {}) as { body?: unknown; headers?: IDataObject };
				const data = Buffer.isBuffer(body) ? body : body instanceof ArrayBuffer ? Buffer.from(body) : undefined;
				const type = headers?.['content-type'];
				return data && { data, contentType: typeof type === 'string' ? type : undefined };
			},
			{ itemIndex, notFound: `No file at the ${what}.` },
		);
	}

	/**
	 * Sends a request until it succeeds, or fails in a way not to retry, or the retries run out:
	 * waits out a throttle, bounds each attempt by the Timeout and the execution's cancellation.
	 * `accept` reads the answer; undefined means it is garbled (retried as such).
	 */
	private async withRetries<T>(
		method: HttpMethod,
		send: () => Promise<unknown>,
		accept: (response: unknown) => T | undefined,
		context: Pick<FailureContext, 'itemIndex' | 'notFound' | 'forbidden' | 'ambiguous'>,
	): Promise<T> {
		const signal = cancelSignal(this.context);
		const started = Date.now();
		let waited = 0;
		for (let attempt = 1; ; attempt++) {
			let failure: Failure;
			try {
				await this.waitForThrottle(signal);
				const accepted = accept(await settleWithin(send(), signal, this.policy.timeoutMs));
				if (accepted !== undefined) {
					this.feedback?.onHealthy();
					return accepted;
				}
				failure = { kind: 'malformed', status: 200 };
			} catch (error) {
				failure = classifyError(error, signal);
			}
			const delay = this.retryDelay(failure, method, attempt);
			if (delay === undefined || waited + delay > this.policy.maxRetryWaitMs) {
				throw failureToError(this.context.getNode(), failure, {
					...context,
					attempts: attempt,
					elapsedMs: Date.now() - started,
					refusedWait:
						delay === undefined
							? undefined
							: { askedMs: delay, budgetMs: this.policy.maxRetryWaitMs - waited },
				});
			}
			if (isThrottle(failure)) {
				this.pausedUntil = Math.max(this.pausedUntil, Date.now() + delay);
				this.feedback?.onThrottle();
			}
			try {
				await sleep(delay, signal);
			} catch {
				throw failureToError(this.context.getNode(), { kind: 'cancelled' }, {
					itemIndex: context.itemIndex,
					attempts: attempt,
					elapsedMs: Date.now() - started,
				});
			}
			waited += delay;
		}
	}

	/** How long to wait before the next attempt, or undefined when there must be none. */
	private retryDelay(failure: Failure, method: HttpMethod, attempt: number): number | undefined {
		if (!isRetryable(failure, method) || attempt >= this.policy.maxAttempts) return undefined;
		return outcomeOf(failure).retryAfterMs ?? backoffDelay(attempt, this.policy.retryDelayMs, this.random);
	}

	private async waitForThrottle(signal: AbortSignal | undefined): Promise<void> {
		const wait = this.pausedUntil - Date.now();
		if (wait > 0) await sleep(wait, signal);
	}

	/**
	 * The credential, read once per execution and shared by every request: n8n would otherwise load
	 * and decrypt it for each request. n8n writes a renewed login token into this same object, so
	 * after a re-login every later request uses the new token at once.
	 */
	private async connect(
		itemIndex?: number,
	): Promise<{ credentials: ICredentialsDecrypted; baseUrl: string }> {
		this.connection ??= this.context.getCredentials('convirzaApi').then((data) => {
			const reference = this.context.getNode().credentials?.convirzaApi;
			return {
				credentials: { id: reference?.id ?? '', name: reference?.name ?? '', type: 'convirzaApi', data },
				baseUrl: checkServiceUrl(data.baseUrl, 'Base URL', DEFAULT_BASE_URL),
			};
		});
		const { credentials, baseUrl } = await this.connection;
		if ('url' in baseUrl) return { credentials, baseUrl: baseUrl.url };
		throw new NodeOperationError(this.context.getNode(), baseUrl.message, {
			description: baseUrl.description,
			itemIndex,
		});
	}
}
