/** The closed set of input-validation issue codes, listed in `details` of PARAM_INVALID errors. */
export const PARAM_ISSUE_CODES = [
  "MISSING", "WRONG_TYPE", "OUT_OF_RANGE", "NOT_ALLOWED", "UNKNOWN_PARAM", "NOT_VISIBLE",
] as const;
export type ParamIssueCode = (typeof PARAM_ISSUE_CODES)[number];

/** One offending parameter (or list element: `param` is then e.g. `IDs[2]`). */
export interface ParamIssue {
  readonly param: string;
  readonly code: ParamIssueCode;
  readonly message: string;
}
