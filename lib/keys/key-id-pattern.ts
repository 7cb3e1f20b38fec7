// Key IDs are 32 lowercase hex characters (128 random bits).
export const KEY_ID_PATTERN = /^[0-9a-f]{32}$/;
