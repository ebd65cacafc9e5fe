/**
 * The files attached to the selected objects (FileAnnotations linked to them), which a `file`
 * parameter offers before an upload (SPEC §4). Read once when the form opens; at most the first
 * MAX_OBJECTS selected objects are asked, so a selection of hundreds of images stays one glance.
 */
import { listAll, type FileAnnotationDto } from "@fovea/client";
import { api } from "../../../api/web-client.ts";
import { selectionStore } from "../../../state/selection.ts";
import { useAsync, type AsyncState } from "../../../ui/use-async.ts";

const MAX_OBJECTS = 20;

export function useAttachedFiles(): AsyncState<FileAnnotationDto[]> & { reload: () => void } {
  return useAsync(async () => {
    const selection = selectionStore.get();
    if (!selection) return [];
    const found = new Map<number, FileAnnotationDto>();
    for (const id of selection.ids.slice(0, MAX_OBJECTS)) {
      const annotations = await listAll((page) => api.annotations.listOn({ type: selection.type, id }, page));
      for (const a of annotations) if (a.type === "FileAnnotation") found.set(a.id, a);
    }
    return [...found.values()].sort((a, b) => a.file.name.localeCompare(b.file.name));
  }, []);
}
