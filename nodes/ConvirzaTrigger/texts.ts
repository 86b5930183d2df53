/**
 * New Text Message: a conversation whose last message (`conversation_updated`) is newer than the
 * last one the trigger emitted for it. Convirza lists conversations newest last message first
 * (documented), so a poll reads pages until it meets one older than the look back.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { advance, freshState, isNew, oldestFirst, readFrom, type EventSource, type Fresh, type PendingRead } from './state';
import { shapeError } from '../Convirza/api/callRows';
import { TEXTS_PAGE_SIZE, listTextConversationsPage, type TextConversationQuery } from '../Convirza/api/texts';
import type { ConvirzaClient } from '../Convirza/transport';

export type TextType = NonNullable<TextConversationQuery['type']>;

function conversationOf(client: ConvirzaClient, row: IDataObject): Fresh<IDataObject> {
	const id = row.conversation_id;
	if (typeof id !== 'number' && (typeof id !== 'string' || id === '')) throw shapeError(client.node, 'a conversation without conversation_id', row);
	const time = typeof row.conversation_updated === 'string' ? Date.parse(row.conversation_updated) : Number.NaN;
	if (!Number.isFinite(time)) throw shapeError(client.node, 'a conversation_updated that is not a time', row.conversation_updated);
	return { id: String(id), time, row };
}

export function textEvents(client: ConvirzaClient, type: TextType, lookBackMs: number): EventSource {
	const query: TextConversationQuery = { type, order: 'desc' };
	const page = (offset: number, limit: number) => listTextConversationsPage(client, query, { offset, limit });
	return {
		// Nothing before now is new; one row is asked for so that a wrong credential fails the activation.
		async start(now) {
			await page(0, 1);
			return freshState(now);
		},

		// A read the budget cut short goes on at its offset: rows only move up the list (a conversation
		// with a new message goes to the top), so going on re-reads some rows and skips none; what
		// moved to the top is read by the next complete read.
		async poll(state, now, budget) {
			const read = state.pending ?? { start: readFrom(state, lookBackMs), end: now, window: 0, offset: 0 };
			const fresh = new Map<string, Fresh<IDataObject>>();
			let offset: number | undefined = read.offset;
			let stopped: PendingRead | undefined;
			while (offset !== undefined) {
				const { conversations, next } = await page(offset, TEXTS_PAGE_SIZE);
				let older = false;
				for (const row of conversations) {
					const conversation = conversationOf(client, row);
					older = conversation.time < read.start;
					if (older) break;
					const known = fresh.get(conversation.id);
					if (isNew(state, conversation.id, conversation.time) && (known === undefined || known.time < conversation.time)) {
						fresh.set(conversation.id, conversation);
					}
				}
				offset = older ? undefined : next;
				if (offset !== undefined && budget.spent()) {
					stopped = { ...read, offset };
					break;
				}
			}
			const emit = oldestFirst(fresh.values());
			return { emit: emit.map((entry) => entry.row), state: advance(state, emit, { end: read.end, lookBackMs, pending: stopped }) };
		},

		async newest() {
			const { conversations } = await page(0, 1);
			if (conversations.length > 0) return conversationOf(client, conversations[0]).row;
			throw new NodeOperationError(client.node, 'No text conversation of this type was found', {
				description: 'Fetch Test Event shows the conversation with the newest message. Send a text to a tracking number, or pick another Type, and fetch again.',
			});
		},
	};
}
