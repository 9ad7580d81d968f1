/** Rows of one session's messages that must not show (a deleted session's kept history). */
export interface HiddenRows {
  sessionId: string;
  throughRowId: number;
}

/** The highest hidden row id of one session's messages (0: none hidden). */
export function hiddenThrough(hidden: readonly HiddenRows[], sessionId: string): number {
  return hidden.find((rows) => rows.sessionId === sessionId)?.throughRowId ?? 0;
}
