/** Server settings the scripts-and-jobs services follow (from the server's configuration). */
export interface ScriptSettings {
  /** SPEC §4: user scripts (uploaded without --official) run only when this is on. */
  readonly allowUserScripts: boolean;
  readonly defaultTimeoutSeconds: number;
  readonly maxTimeoutSeconds: number;
  readonly defaultMemoryMb: number;
  readonly maxMemoryMb: number;
  /** The API base URL job processes use to reach this server. */
  readonly serverUrl: () => string;
}
