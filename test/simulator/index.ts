// Public entry point of the Convirza API simulator (test-side only).
export { startSimulator } from './server';
export { ROLE_DISPLAY_NAMES, ROLE_IDS } from './roles';
export { perRequestDraws } from './faults';
export { SEED_LOGINS, SEED_TOKENS, SEED_ORG_UNITS, ADMIN_USER_ID, STANDARD_USER_ID, READ_ONLY_USER_ID, ACCOUNT_ID, FOREIGN_ACCOUNT_ID } from './seed';
export type { SuccessEnvelope, ErrorEnvelope } from './envelope';
export type { TokenResponse } from './routes/oauth';
export { CALL_FLOWS, CAMPAIGNS, KNOWN_CALLERS, FIRST_CALL_ID } from './conversations/fixture';
export { CALL_INCLUDES, DISPOSITIONS } from './conversations/types';
export type {
	ApiCall, ApiTextConversation, CallInclude, CallShape, CallStartKey, Disposition, NewCall, TextChange,
} from './conversations/types';
export type {
	ApiUser, ApiUserListRow, AppliedWrite, ConvirzaSimulator, Fault, GetUserShape, GroupTreeShape, LoggedRequest,
	LoginShape, OrgUnit, SimulatorOptions, UserRecord, UserRole, UserStatus,
} from './types';
