/** What a job returned: its message, files, images, links and other values. */
import { formatRef } from "@fovea/model";
import { FileOutput } from "./FileOutput.tsx";
import { ImageOutput } from "./ImageOutput.tsx";
import { classifyOutputs, hasResults, outputLabel } from "./job-outputs.ts";

export function JobResults({ outputs }: { outputs: Readonly<Record<string, unknown>> }) {
  const results = classifyOutputs(outputs);
  if (!hasResults(results)) return null;
  const { message, files, images, urls, refs, scalars } = results;
  return (
    <div className="job-results">
      {message !== undefined && <p className="job-message">{message}</p>}
      {(files.length > 0 || images.length > 0 || refs.length > 0 || scalars.length > 0) && (
        <ul className="job-outputs" aria-label="Results">
          {files.map((f) => <FileOutput key={f.name} label={f.name} annotationId={f.id} />)}
          {images.map((i) => <ImageOutput key={i.name} label={i.name} imageId={i.id} />)}
          {refs.map((r) => (
            <li key={r.name} className="job-output"><span className="job-output-label">{outputLabel(r.name)}:</span><code>{formatRef(r.ref)}</code></li>
          ))}
          {scalars.map((s) => (
            <li key={s.name} className="job-output"><span className="job-output-label">{outputLabel(s.name)}:</span><span>{s.value}</span></li>
          ))}
        </ul>
      )}
      {urls.length > 0 && (
        <div className="job-links">
          {urls.map((u) => <a key={u.name} className="button" href={u.href} target="_blank" rel="noopener noreferrer">{u.title} <span aria-hidden="true">↗</span></a>)}
        </div>
      )}
    </div>
  );
}
