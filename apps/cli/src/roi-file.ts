/** The shapes file of `fovea roi add`: one ROI object or an array of them (SPEC §6). */
import { FoveaError, validateRoi, type FieldIssue, type RoiInput } from "@fovea/model";

/**
 * Parses and validates the whole file before anything is sent, so that a bad shape anywhere
 * creates nothing. Every offending field is listed (`rois[1].shapes[0].width: must not be
 * negative`), as the model's validator reports them. JSON's `1e999` parses to Infinity, which the
 * validator rejects as not finite.
 */
export function parseRoiFile(text: string, fileName: string): RoiInput[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new FoveaError("MALFORMED_JSON", `${fileName} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const rois = Array.isArray(data) ? data : [data];
  if (rois.length === 0) {
    throw new FoveaError("SHAPE_INVALID", `${fileName} holds an empty array; expected one ROI or an array of ROIs`);
  }
  const issues: FieldIssue[] = rois.flatMap((roi, i) => validateRoi(roi, Array.isArray(data) ? `rois[${i}]` : "roi"));
  if (issues.length > 0) {
    const count = issues.length === 1 ? "1 invalid field" : `${issues.length} invalid fields`;
    throw new FoveaError("SHAPE_INVALID", `${fileName}: ${count}; nothing was created`, { details: issues });
  }
  return rois as RoiInput[];
}
