/** Ids in tenant files: object and tenant ids are GUIDs, and the all-zero GUID is nobody's id. */

/** The nil GUID: a placeholder that was never replaced with the real id. */
export const NIL_GUID = "00000000-0000-0000-0000-000000000000";

export const NIL_GUID_MESSAGE = `the nil GUID ${NIL_GUID} is a placeholder, not an id; copy the real id (Entra admin center, az ... show)`;
