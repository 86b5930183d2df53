/**
 * A call's recording as a file. Documented: the call's recording URL (include=recordings) is signed
 * and valid 7 days from the fetch, `recording_details.expires_at` says until when, and an expired
 * URL answers 410 Gone: the cure is to fetch the call again for a fresh URL. That is done once.
 */
import { NodeOperationError } from 'n8n-workflow';

import { recordingOf, type ApiCall, type RecordingLink } from './callRows';
import { callNotFound, getCall } from './calls';
import type { ConvirzaClient, DownloadedFile } from '../transport';

export interface CallRecording {
	call: ApiCall;
	/** Undefined when the call has no recording. */
	file?: DownloadedFile & { extension?: string };
}

/** The extension of the URL's file name ("wav" of ".../801234.wav?sig=…"), if it has one. */
function extensionOf(url: string): string | undefined {
	const name = new URL(url).pathname.split('/').pop() ?? '';
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined;
}

const isGone = (error: unknown) => (error as { httpCode?: string }).httpCode === '410';

export async function downloadRecording(
	client: ConvirzaClient,
	callId: string,
	itemIndex?: number,
	now: () => number = Date.now,
): Promise<CallRecording> {
	const node = client.node;
	const fetchCall = async () => {
		const call = await getCall(client, callId, ['recordings'], itemIndex);
		if (call === undefined) throw callNotFound(node, callId, itemIndex);
		return { call, link: recordingOf(node, call, itemIndex) };
	};
	const expired = (link: RecordingLink) => link.expiresAt !== undefined && link.expiresAt <= now();
	let { call, link } = await fetchCall();
	for (let fresh = false; ; fresh = true) {
		if (link === undefined) return { call };
		if (!expired(link)) {
			let failure: unknown;
			try {
				const file = await client.download(link.url, `recording link of call ${callId}`, itemIndex);
				return { call, file: { ...file, extension: extensionOf(link.url) } };
			} catch (error) {
				failure = error;
			}
			if (!isGone(failure)) throw failure;
		}
		if (fresh) break;
		({ call, link } = await fetchCall());
	}
	throw new NodeOperationError(node, `The recording of call ${callId} could not be downloaded: its link had expired, and so had the fresh link Convirza gave for it`, {
		description: 'Convirza answered 410 Gone (or gave an expiry time already past) twice. Run the node again later; if it keeps failing, check the clock of the n8n server.',
		itemIndex,
	});
}
