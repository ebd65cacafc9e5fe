/**
 * Why the server refused an uploaded file. A script that does not compile or whose declaration
 * cannot be read (SCRIPT_INVALID) gets its own error verbatim in a fixed-width block, so the
 * compiler's line and column markers line up; any other refusal is an ordinary error banner.
 */
import { ErrorBanner } from "../../../ui/feedback.tsx";
import { scriptRefusalText } from "./script-format.ts";

export function ScriptRefusal({ error, fileName }: { error: unknown; fileName: string }) {
  const text = scriptRefusalText(error);
  if (text === undefined) return <ErrorBanner title={`${fileName} was refused:`} error={error} />;
  return (
    <div className="admin-refusal" role="alert">
      <p><strong>{fileName} was refused:</strong> the script does not compile, or its declaration could not be read.</p>
      <pre aria-label="The script's error">{text}</pre>
    </div>
  );
}
