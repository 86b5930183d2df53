// Deterministic conversations: call flows and campaigns of the Acme account (and one of Other Corp),
// N calls spread over the D days before an anchor time, and a few dozen text conversations.
import { mulberry32 } from '../faults';
import type { CallRecord, Disposition, TextRecord, Utm } from './types';

export const DAY_MS = 24 * 3600 * 1000;

export interface Campaign {
	id: number;
	name: string;
}

/** A call flow (provisioned route): a tracking number, where it rings, its campaign and group. */
export interface CallFlow {
	id: number;
	name: string;
	phone_number: string;
	ring_to: string;
	campaign_id: number;
	org_unit_id: number;
	source: string;
}

export const CAMPAIGNS: readonly Campaign[] = [
	{ id: 3001, name: 'Spring Search' },
	{ id: 3002, name: 'Radio Spots' },
	{ id: 3003, name: 'Direct Mail' },
	{ id: 3901, name: 'Other Corp Brand' },
];

export const CALL_FLOWS: readonly CallFlow[] = [
	{ id: 4101, name: 'Sales Main Line', phone_number: '+18005550101', ring_to: '+12065550100', campaign_id: 3001, org_unit_id: 70035, source: 'Google Ads' },
	{ id: 4102, name: 'Support Line', phone_number: '+18005550102', ring_to: '+12065550200', campaign_id: 3001, org_unit_id: 70036, source: 'Website' },
	{ id: 4103, name: 'Radio Offer', phone_number: '+18005550103', ring_to: '+16175550300', campaign_id: 3002, org_unit_id: 70040, source: 'Radio' },
	{ id: 4104, name: 'Mailer Response', phone_number: '+18005550104', ring_to: '+16175550400', campaign_id: 3003, org_unit_id: 65001, source: 'Direct Mail' },
	{ id: 4105, name: 'West Front Desk', phone_number: '+18005550105', ring_to: '+12065550500', campaign_id: 3002, org_unit_id: 65000, source: 'Yelp' },
	{ id: 4106, name: 'Head Office', phone_number: '+18005550106', ring_to: '+12125550600', campaign_id: 3003, org_unit_id: 60001, source: 'Organic Search' },
	{ id: 4901, name: 'Other Corp Line', phone_number: '+448005550901', ring_to: '+442079460999', campaign_id: 3901, org_unit_id: 90001, source: 'Google Ads' },
];

/**
 * Callers with a known history: a CRM contact's calls come out of these. The first calls every
 * 9 days through the whole range; the second (a London number) every 15 days, from the third day.
 */
export const KNOWN_CALLERS = [
	{ number: '+12065550123', name: 'Dana Whitfield', everyDays: 9 },
	{ number: '+442079460123', name: 'Oliver Hart', everyDays: 15 },
] as const;

const NAMES = ['Avery Lee', 'Jordan Park', null, 'Sam Ortiz', 'Riley Chen', null, 'Morgan Diaz', 'Casey Nguyen', 'Taylor Brooks', null];
const TAGS = ['new lead', 'existing customer', 'spam', 'follow up', 'quote requested'];
const DISPOSITION_WEIGHTS: Array<[Disposition, number]> = [
	['ANSWERED', 55], ['NO ANSWER', 10], ['VOICEMAIL', 12], ['BUSY', 4], ['FAILED', 3], ['ABANDONED', 8], ['TRANSFERRED', 8],
];
const UTM_SOURCES: Array<[string, string]> = [['google', 'cpc'], ['facebook', 'paid_social'], ['newsletter', 'email']];

/** First call ID of the fixture; later calls (sim.addCall) continue after the highest. */
export const FIRST_CALL_ID = 800_001;

function pick<T>(rand: () => number, values: readonly T[]): T {
	return values[Math.floor(rand() * values.length)];
}

function disposition(rand: () => number): Disposition {
	let roll = rand() * 100;
	for (const [value, weight] of DISPOSITION_WEIGHTS) {
		roll -= weight;
		if (roll < 0) return value;
	}
	return 'ANSWERED';
}

/** A random caller: a US number in the 555-01xx fiction range of one of a few area codes. */
function callerNumber(rand: () => number): string {
	const area = pick(rand, ['206', '425', '312', '617', '720', '415']);
	return `+1${area}555${String(1000 + Math.floor(rand() * 9000))}`;
}

export function flowById(id: number): CallFlow | undefined {
	return CALL_FLOWS.find((flow) => flow.id === id);
}

/** A call on `flow` at `startedAt`, its details drawn from `rand`. */
export function makeCall(id: number, startedAt: number, flow: CallFlow, rand: () => number): CallRecord {
	const outcome = disposition(rand);
	const talked = outcome === 'ANSWERED' || outcome === 'TRANSFERRED' || outcome === 'VOICEMAIL';
	const duration = talked ? 20 + Math.floor(rand() * 900) : Math.floor(rand() * 40);
	const utm: Utm | null = rand() < 0.5 ? null : (() => {
		const [source, medium] = pick(rand, UTM_SOURCES);
		return { utm_source: source, utm_medium: medium, utm_campaign: `spring-${1 + Math.floor(rand() * 4)}`, utm_term: rand() < 0.5 ? 'plumber near me' : null, utm_content: null };
	})();
	return {
		call_id: id,
		org_unit_id: flow.org_unit_id,
		startedAt,
		endedAt: startedAt + duration * 1000,
		caller_id: callerNumber(rand),
		caller_name: pick(rand, NAMES),
		phone_number: flow.phone_number,
		ring_to: flow.ring_to,
		campaign_id: flow.campaign_id,
		provisioned_route_id: flow.id,
		disposition: outcome,
		hasRecording: talked && rand() < 0.9,
		tags: rand() < 0.4 ? [pick(rand, TAGS)] : [],
		comments: rand() < 0.1 ? ['Asked for a callback tomorrow morning'] : [],
		utm,
		transcript: talked && rand() < 0.7 ? 'Agent: Thanks for calling, how can I help? Caller: I would like a quote.' : null,
	};
}

/** `count` calls over the `days` days before `anchor`, oldest first, IDs rising with time. */
export function fixtureCalls(count: number, days: number, anchor: number): CallRecord[] {
	const rand = mulberry32(19);
	const span = days * DAY_MS;
	const from = anchor - span;
	const step = span / Math.max(1, count);
	const calls: CallRecord[] = [];
	for (let i = 0; i < count; i++) {
		// Whole seconds, each call somewhere in its own slot: sorted, no two at the same instant.
		const startedAt = Math.floor((from + i * step + rand() * step * 0.9) / 1000) * 1000;
		const flow = CALL_FLOWS[i % 13 === 12 ? 6 : i % 6];
		calls.push(makeCall(FIRST_CALL_ID + i, startedAt, flow, rand));
	}
	// The known callers' history replaces some calls' caller (their times and IDs stay as they are).
	for (const [k, known] of KNOWN_CALLERS.entries()) {
		for (let at = from + DAY_MS / 2 + k * 2 * DAY_MS; at < anchor; at += known.everyDays * DAY_MS) {
			let index = Math.min(calls.length - 1, Math.floor((at - from) / step));
			while (index < calls.length - 1 && calls[index].org_unit_id === 90001) index++;
			const call = calls[index];
			if (call === undefined) continue;
			call.caller_id = known.number;
			call.caller_name = known.name;
		}
	}
	return calls;
}

const TEXT_CONTACTS = [
	['Dana Whitfield', '12065550123'], ['Priya Raman', '14255550188'], ['Marco Bellini', '13125550142'],
	['Lena Fischer', '4930901821'], ['Tom Becker', '17205550177'], ['Ana Souza', '551155550199'],
] as const;
const TEXT_MESSAGES = ['Can I book for Friday?', 'Thanks, see you then', 'What are your hours?', 'Is the quote still valid?', 'Please call me back'];

/** `count` text conversations over the 30 days before `anchor`, newest last; some assigned to `assignee`. */
export function fixtureTexts(count: number, anchor: number, assignee: number): TextRecord[] {
	const rand = mulberry32(20);
	const texts: TextRecord[] = [];
	for (let i = 0; i < count; i++) {
		const [name, phone] = TEXT_CONTACTS[i % TEXT_CONTACTS.length];
		const contactName = i < TEXT_CONTACTS.length ? name : `Contact ${5001 + i}`;
		const started = anchor - 30 * DAY_MS + Math.floor(i * ((29 * DAY_MS) / count) / 1000) * 1000;
		const updated = started + Math.floor(rand() * 20 * 3600) * 1000;
		const closed = i % 5 === 4;
		const owner = i % 3 === 0 ? assignee : i % 3 === 1 ? null : 10001;
		texts.push({
			contactName,
			org_unit_id: 70035,
			row: {
				conversation_id: 5001 + i,
				phone_number: i < TEXT_CONTACTS.length ? phone : `1206555${String(2000 + i)}`,
				first_response_time: '00:04:12',
				avg_response_time: '00:06:30',
				sms_type: i % 2 === 0 ? 'incoming' : 'outgoing',
				conversation_started: new Date(started).toISOString(),
				conversation_updated: new Date(updated).toISOString(),
				source: 'tracking_number',
				source_name: 'Sales Main Line',
				conversation_status: closed ? 'closed' : i % 4 === 0 ? 'unread' : 'read',
				ct_user_id: owner,
				pin: i % 7 === 0,
				message: TEXT_MESSAGES[i % TEXT_MESSAGES.length],
				unread_count: i % 4 === 0 ? 1 + (i % 3) : 0,
				agent: owner === null ? null : owner === assignee ? 'Alice Morgan' : 'John Doe',
				closed_at: closed ? new Date(updated).toISOString() : null,
			},
		});
	}
	return texts;
}
