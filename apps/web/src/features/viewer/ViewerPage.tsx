/**
 * The image viewer page (`#/viewer/:id`): loads the image and its pyramid layout, then shows
 * the viewer. The app remounts this page for each image, so everything below lives for one image.
 */
import "ol/ol.css";
import "./viewer.css";
import { api } from "../../api/web-client.ts";
import { formatRoute } from "../../app/router.ts";
import { ErrorBanner, Spinner } from "../../ui/feedback.tsx";
import { useAsync } from "../../ui/use-async.ts";
import { ImageViewer } from "./ImageViewer.tsx";

export function ViewerPage({ imageId }: { imageId: number }) {
  const state = useAsync(async () => {
    const [image, layout] = await Promise.all([api.images.get(imageId), api.pixels.layout(imageId)]);
    return { image, layout };
  }, [imageId]);
  if (state.status === "ready") return <ImageViewer image={state.data.image} layout={state.data.layout} />;
  return (
    <section className="viewer-page-state">
      {state.status === "loading" ? <Spinner label="Opening the image…" /> : (
        <>
          <ErrorBanner title={`Image ${imageId} could not be opened:`} error={state.error} onRetry={state.reload} />
          <a href={formatRoute({ page: "data" })}>Back to the data</a>
        </>
      )}
    </section>
  );
}
