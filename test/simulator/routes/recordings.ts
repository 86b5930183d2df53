// GET /recordings/{call_id}.wav?expires=&signature=: the signed recording URL the calls listing hands
// out, standing for Convirza's storage host. It takes no bearer token: a request that carries an
// Authorization header as well as the signature is refused (as S3-style storage does), so a client
// that leaks the Convirza token to it fails. Expired → 410 Gone (documented), a bad signature → 403.
import { fail } from '../envelope';
import { wavTone } from '../conversations/audio';
import { recordingSignature } from '../conversations/present';
import type { Reply, RouteContext } from '../types';
import { simNow, type Services } from './context';

const PATH = /^\/recordings\/([0-9]{1,15})\.wav$/;

export function handleRecording(ctx: RouteContext, svc: Services): Reply | undefined {
	const m = PATH.exec(ctx.path);
	if (!m || ctx.method !== 'GET') return undefined;
	if (ctx.headers.authorization !== undefined) {
		return fail(400, 'Only one auth mechanism allowed: the signature in the URL, not an Authorization header', ctx.path, ctx.requestId);
	}
	const id = Number(m[1]);
	const expires = Number(ctx.query.get('expires'));
	const signature = ctx.query.get('signature');
	if (!Number.isInteger(expires) || signature !== recordingSignature(id, expires)) {
		return fail(403, 'Signature does not match', ctx.path, ctx.requestId);
	}
	if (simNow(svc.settings) / 1000 > expires) return fail(410, 'Recording URL has expired', ctx.path, ctx.requestId);
	const call = svc.conversations.calls.get(id);
	if (call === undefined || !call.hasRecording) return fail(404, 'Recording not found', ctx.path, ctx.requestId);
	return { status: 200, body: undefined, bytes: { type: svc.settings.recordingType, data: wavTone(id) } };
}
