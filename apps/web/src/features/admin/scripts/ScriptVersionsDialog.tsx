/**
 * Every version of a script, newest first, marking the current one. Jobs record the version they
 * ran, so old versions are kept and listed here by hash.
 */
import { listAll } from "@fovea/client";
import type { ScriptDto, UserDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { Dialog } from "../../../ui/Dialog.tsx";
import { ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { useCurrentUser } from "../use-current-user.ts";
import { formatDate } from "./script-format.ts";

export function ScriptVersionsDialog({ script, onClose }: { script: ScriptDto; onClose: () => void }) {
  const me = useCurrentUser();
  const versions = useAsync(async () => {
    // Only administrators may list users; a script manager sees the uploaders' ids.
    const [items, users] = await Promise.all([api.scripts.versions(script.id), me?.isAdmin ? listAll((p) => api.users.list(p)) : []]);
    return { items: [...items].reverse(), users: new Map(users.map((u: UserDto) => [u.id, u.username])) };
  }, [script.id, me?.isAdmin]);
  const uploader = (id: number) => (id === me?.id ? `${me.username} (you)` : versions.data?.users.get(id) ?? `user #${id}`);
  return (
    <Dialog wide title={`Versions of ${script.title}`} onClose={onClose} testId="script-versions-dialog"
      footer={<button type="button" onClick={onClose}>Close</button>}>
      {versions.status === "loading" && <Spinner label="Loading the versions…" />}
      {versions.status === "error" && <ErrorBanner title="The versions could not be loaded:" error={versions.error} onRetry={versions.reload} />}
      {versions.status === "ready" && (
        <table className="admin-table" aria-label={`Versions of ${script.title}`}>
          <thead><tr><th scope="col">Uploaded</th><th scope="col">By</th><th scope="col">SHA-256</th><th scope="col"><span className="visually-hidden">Current version</span></th></tr></thead>
          <tbody>
            {versions.data.items.map((v, i) => (
              <tr key={`${i}-${v.sha256}`}>
                <td className="admin-nowrap">{formatDate(v.createdAt)}</td>
                <td>{uploader(v.uploadedBy)}</td>
                <td><code className="admin-hash">{v.sha256}</code></td>
                <td>{v.sha256 === script.sha256 && <span className="admin-flag admin-flag-on">Current</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
