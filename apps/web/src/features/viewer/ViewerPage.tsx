/** The image viewer (owned by the viewer feature). */
export function ViewerPage({ imageId }: { imageId: number }) {
  return <section className="viewer-page"><h1>Image {imageId}</h1></section>;
}
