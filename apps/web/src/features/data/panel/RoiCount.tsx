/** How many ROIs are drawn on an image (the total of a one-item page: no shapes are fetched). */
import { api } from "../../../api/web-client.ts";
import { errorMessage } from "../../../api/error-message.ts";
import { useAsync } from "../../../ui/use-async.ts";
import { plural } from "../metadata-format.ts";

export function RoiCount({ imageId, tick }: { imageId: number; tick: number }) {
  const rois = useAsync(() => api.rois.list(imageId, { limit: 1 }), [imageId, tick]);
  if (rois.status === "error") {
    return <span className="inline-error" title={errorMessage(rois.error)}>unavailable <button type="button" className="link-button" onClick={rois.reload}>Retry</button></span>;
  }
  if (rois.data === undefined) return <span className="muted">…</span>;
  return <span data-testid="roi-count">{rois.data.total === 0 ? "none" : plural(rois.data.total, "ROI")}</span>;
}
