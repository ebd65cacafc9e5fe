/**
 * The set of rows an actor may read, in a form a repository can turn into a WHERE clause.
 * Computed by the access policy (the one place that interprets group levels); repositories only
 * translate it, so paging and counts never reveal invisible rows.
 */
export type VisibilityScope =
  | { readonly all: true }
  | {
      readonly all: false;
      /** Groups in which the actor sees every member's rows. */
      readonly wholeGroups: readonly number[];
      /** Groups in which the actor sees only its own rows (private groups). */
      readonly ownGroups: readonly number[];
      readonly userId: number;
    };

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

export interface PageResult<T> {
  readonly items: T[];
  readonly total: number;
}
