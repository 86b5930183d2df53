/**
 * GET /v3/conversations/sms (documented, answer included): Convirza orders the conversations by
 * their last message itself, so a Limit stops at the page that reaches it.
 */
import type { IDataObject } from 'n8n-workflow';

import { rowsUnder, totalOf } from './callRows';
import { nextOffset, offsetPages } from './paging';
import type { ConvirzaClient } from '../transport';

export const TEXTS_PAGE_SIZE = 200;

/** Query of the texts listing (documented names); unset parameters are left out, never sent empty. */
export interface TextConversationQuery {
	type?: 'allOpen' | 'assignedToYou' | 'unassigned' | 'close';
	search?: string;
	order?: 'asc' | 'desc';
	/** ISO 8601 UTC */
	start?: string;
	end?: string;
}

export interface TextConversationPage {
	conversations: IDataObject[];
	next?: number;
}

/** One page. The rows are documented under `data.conversation` (singular); any single array there is accepted. */
export async function listTextConversationsPage(
	client: ConvirzaClient,
	query: TextConversationQuery,
	page: { offset: number; limit: number },
	itemIndex?: number,
): Promise<TextConversationPage> {
	const response = await client.request(
		{ method: 'GET', path: '/conversations/sms', qs: { ...query, limit: page.limit, offset: page.offset } as IDataObject },
		itemIndex,
	);
	const conversations = rowsUnder(client.node, response.data, 'conversation', itemIndex);
	return { conversations, next: nextOffset(page.offset, conversations.length, page.limit, totalOf(response.data)) };
}

/** Every conversation matching `query`, up to `limit`, in Convirza's order, 200 a page. */
export async function* listTextConversations(
	client: ConvirzaClient,
	query: TextConversationQuery,
	options: { limit?: number; itemIndex?: number } = {},
): AsyncGenerator<IDataObject> {
	const { limit = Number.POSITIVE_INFINITY, itemIndex } = options;
	const page = async (offset: number, pageLimit: number) => {
		const { conversations, next } = await listTextConversationsPage(client, query, { offset, limit: pageLimit }, itemIndex);
		return { rows: conversations, next };
	};
	yield* offsetPages(page, limit, TEXTS_PAGE_SIZE);
}
