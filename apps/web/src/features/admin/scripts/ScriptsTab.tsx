/**
 * The Scripts tab (script managers: administrators and the UploadScripts privilege): upload,
 * and the registry with source, versions, replace, enable/disable and delete. Managers also see
 * disabled scripts, which the Scripts menu hides from everyone else.
 */
import { useState } from "react";
import type { ScriptDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { sessionLost } from "../../../state/session.ts";
import { ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { AccessNotice } from "../AccessNotice.tsx";
import { mayUseAdminTab } from "../admin-access.ts";
import { ConfirmDialog } from "../ConfirmDialog.tsx";
import { Pager } from "../Pager.tsx";
import { useCurrentUser } from "../use-current-user.ts";
import { ReplaceScriptDialog } from "./ReplaceScriptDialog.tsx";
import { ScriptSourceDialog } from "./ScriptSourceDialog.tsx";
import { ScriptsTable, type ScriptAction } from "./ScriptsTable.tsx";
import { ScriptUploadForm } from "./ScriptUploadForm.tsx";
import { ScriptVersionsDialog } from "./ScriptVersionsDialog.tsx";
import { shortSha } from "./script-format.ts";

const PAGE_SIZE = 100;

type OpenDialog = { action: Exclude<ScriptAction, "toggle">; script: ScriptDto } | null;

export function ScriptsTab() {
  const me = useCurrentUser();
  if (!mayUseAdminTab("scripts", me)) {
    return <AccessNotice title="Only script managers can manage scripts.">Script managers are administrators and users with the UploadScripts privilege.</AccessNotice>;
  }
  return <ScriptsAdmin />;
}

function ScriptsAdmin() {
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState("");
  const [actionError, setActionError] = useState<unknown>();
  const [busyId, setBusyId] = useState<number>();
  const scripts = useAsync(() => api.scripts.list({ limit: PAGE_SIZE, offset }), [offset]);
  const changed = (text: string) => {
    setNotice(text);
    setActionError(undefined);
    scripts.reload();
  };

  const toggle = async (script: ScriptDto) => {
    setBusyId(script.id);
    try {
      const saved = await api.scripts.setEnabled(script.id, !script.enabled);
      changed(`${saved.title} is ${saved.enabled ? "enabled" : "disabled"}.`);
    } catch (err) {
      if (!sessionLost(err)) setActionError(err);
    } finally {
      setBusyId(undefined);
    }
  };
  const onAction = (action: ScriptAction, script: ScriptDto) => (action === "toggle" ? void toggle(script) : setDialog({ action, script }));

  return (
    <div className="admin-tab">
      <div className="admin-toolbar">
        <h2>Scripts</h2>
        <p className="admin-notice" role="status">{notice}</p>
      </div>
      <ScriptUploadForm onStart={() => setNotice("")} onUploaded={(s) => changed(`Uploaded ${s.title} to ${s.folder}.`)} />
      {actionError !== undefined && <ErrorBanner error={actionError} />}
      {scripts.status === "error" && <ErrorBanner title="Scripts could not be loaded:" error={scripts.error} onRetry={scripts.reload} />}
      {scripts.status === "loading" && !scripts.data && <Spinner label="Loading scripts…" />}
      {scripts.data && (
        <>
          <ScriptsTable scripts={scripts.data.items} busyId={busyId} onAction={onAction} />
          <Pager label="Scripts" offset={offset} limit={PAGE_SIZE} shown={scripts.data.items.length} total={scripts.data.total} onOffset={setOffset} />
        </>
      )}
      {dialog?.action === "source" && <ScriptSourceDialog script={dialog.script} onClose={() => setDialog(null)} />}
      {dialog?.action === "versions" && <ScriptVersionsDialog script={dialog.script} onClose={() => setDialog(null)} />}
      {dialog?.action === "replace" && (
        <ReplaceScriptDialog script={dialog.script} onClose={() => setDialog(null)} onReplaced={(before, after) => {
          setDialog(null);
          changed(before.sha256 === after.sha256 ? `${after.title} is unchanged: the file is the current version.` : `Replaced ${after.title}: version ${shortSha(after.sha256)}.`);
        }} />
      )}
      {dialog?.action === "delete" && (
        <ConfirmDialog title={`Delete ${dialog.script.title}?`} confirmLabel="Delete script" onClose={() => setDialog(null)}
          onConfirm={async () => {
            await api.scripts.delete(dialog.script.id);
            changed(`Deleted ${dialog.script.title}.`);
          }}>
          <p><strong>{dialog.script.folder}/{dialog.script.name}</strong> and all its versions will be removed from the registry. Jobs that ran it keep their records.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
