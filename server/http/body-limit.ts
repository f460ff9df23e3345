// The default request body limit; sync routes set their own (see src/protocol/sync.ts SYNC_LIMITS).
export const BODY_LIMIT = 1024 * 1024;
