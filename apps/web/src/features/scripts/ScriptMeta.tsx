/** The script's own description at the top of its form: what it does, who wrote it, which version. */
import type { ScriptDto } from "@fovea/model";
import { folderLabel } from "./menu/script-folders.ts";

export function ScriptMeta({ script }: { script: ScriptDto }) {
  const facts: [string, string][] = [
    ["Folder", script.folder],
    ["Version", script.version],
    ["Authors", script.authors.join(", ")],
    ["Institutions", script.institutions.join(", ")],
    ["Contact", script.contact],
    ["Language", script.language],
  ];
  return (
    <section className="script-meta" aria-label="About this script">
      {script.description && <p className="script-meta-description">{script.description}</p>}
      <dl className="script-meta-facts">
        {facts.filter(([, v]) => v !== "").map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{k === "Folder" ? <>{folderLabel(v)} <code>{v}</code></> : v}</dd>
          </div>
        ))}
        <div>
          <dt>Kind</dt>
          <dd>{script.official ? "Official script" : "Your user script"}</dd>
        </div>
      </dl>
    </section>
  );
}
