/**
 * The *View script* panel: the current version's source, highlighted, with line numbers, in a
 * scrollable monospace block. Loaded lazily by the form dialog (highlight.js stays out of the
 * first bundle).
 */
import { useMemo } from "react";
import type { ScriptLanguage } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { highlightSource } from "./highlight.ts";
import "highlight.js/styles/github.css";

export function ScriptSource({ scriptId, language, id }: { scriptId: number; language: ScriptLanguage; id?: string }) {
  const source = useAsync(() => api.scripts.source(scriptId), [scriptId]);
  const html = useMemo(() => (source.data === undefined ? undefined : highlightSource(source.data, language)), [source.data, language]);
  if (source.status === "error") return <ErrorBanner title="The source could not be loaded:" error={source.error} onRetry={source.reload} />;
  if (html === undefined || source.data === undefined) return <Spinner label="Loading the source…" />;
  const lines = source.data.split("\n").length;
  return (
    <section id={id} className="script-source" aria-label="Script source" tabIndex={0}>
      <pre className="script-source-gutter" aria-hidden="true">{Array.from({ length: lines }, (_, i) => i + 1).join("\n")}</pre>
      <pre className="script-source-code"><code className={`hljs language-${language}`} dangerouslySetInnerHTML={{ __html: html }} /></pre>
    </section>
  );
}
