/** An Image output (Image, New_Image, First_Image…): a link that opens it in the viewer. */
import { api } from "../../api/web-client.ts";
import { formatRoute } from "../../app/router.ts";
import { useAsync } from "../../ui/use-async.ts";
import { outputLabel } from "./job-outputs.ts";

export function ImageOutput({ label, imageId }: { label: string; imageId: number }) {
  // The name is a nicety: a deleted or hidden image still gets its link (the viewer says why).
  const image = useAsync(() => api.images.get(imageId), [imageId]);
  const name = image.status === "ready" ? image.data.name : `Image ${imageId}`;
  return (
    <li className="job-output job-output-image">
      <span className="job-output-label">{outputLabel(label)}:</span>
      <a href={formatRoute({ page: "viewer", imageId })} title={`Open image ${imageId} in the viewer`}>{name}</a>
    </li>
  );
}
