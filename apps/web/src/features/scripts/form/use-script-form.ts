/**
 * The state of one script form: the drafts, the live check, which issues to show (a field's own
 * once it has been edited, all of them after Run was pressed), and Run itself, which refuses while
 * any issue stands so that the server is never asked with inputs it would refuse anyway. When the
 * server still refuses (PARAM_INVALID, e.g. NOT_VISIBLE for an id), its `details` are kept per
 * field until that field is edited.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { isFoveaError, PARAM_ISSUE_CODES, type ParamIssue } from "@fovea/model";
import { sessionLost } from "../../../state/session.ts";
import type { Draft, Drafts } from "./drafts.ts";
import { checkForm, fieldOf, type FormCheck, type FormScript } from "./form-check.ts";

export type Launch = (inputs: Record<string, unknown>) => Promise<void>;

export interface ScriptFormState {
  readonly drafts: Drafts;
  readonly check: FormCheck;
  /** Issues shown now, client ones first (form order), then the server's. */
  readonly shown: readonly ParamIssue[];
  /** Increases at each refused Run (the summary takes focus then). */
  readonly refusals: number;
  readonly busy: boolean;
  /** A launch failure that names no parameter (shown as a banner). */
  readonly launchError: unknown;
  setDraft(name: string, draft: Draft): void;
  submit(): Promise<void>;
}

/** The `details` of a PARAM_INVALID error, when they are a list of issues. */
export function paramIssuesOf(err: unknown): ParamIssue[] | undefined {
  if (!isFoveaError(err, "PARAM_INVALID") || !Array.isArray(err.details)) return undefined;
  const issues = err.details.filter((d): d is ParamIssue => typeof d === "object" && d !== null
    && typeof (d as ParamIssue).param === "string" && typeof (d as ParamIssue).message === "string"
    && (PARAM_ISSUE_CODES as readonly string[]).includes((d as ParamIssue).code));
  return issues.length > 0 ? issues : undefined;
}

export function useScriptForm(script: FormScript, initial: Drafts, launch: Launch): ScriptFormState {
  const [drafts, setDrafts] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const [serverIssues, setServerIssues] = useState<readonly ParamIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [launchError, setLaunchError] = useState<unknown>(undefined);
  const busyRef = useRef(false);
  const check = useMemo(() => checkForm(script, drafts), [script, drafts]);
  const shown = useMemo(
    () => [...check.issues.filter((i) => attempted || touched.has(fieldOf(i.param))), ...serverIssues],
    [check, attempted, touched, serverIssues],
  );

  const setDraft = useCallback((name: string, draft: Draft) => {
    setDrafts((d) => ({ ...d, [name]: draft }));
    setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));
    setServerIssues((s) => s.filter((i) => fieldOf(i.param) !== name));
  }, []);

  const submit = async () => {
    if (busyRef.current) return;
    setAttempted(true);
    setLaunchError(undefined);
    if (check.issues.length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    busyRef.current = true;
    setBusy(true);
    try {
      await launch(check.inputs);
    } catch (err) {
      if (sessionLost(err)) return;
      const issues = paramIssuesOf(err);
      if (issues) {
        setServerIssues(issues);
        setRefusals((n) => n + 1);
      } else setLaunchError(err);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return { drafts, check, shown, refusals, busy, launchError, setDraft, submit };
}
