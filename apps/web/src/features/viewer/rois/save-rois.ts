/**
 * Save: sends the plan's requests one at a time, taking each answer into the drafts as it comes,
 * so that the table shows progress and a failure (SHAPE_INVALID, FORBIDDEN, a lost connection)
 * stops the save with everything not yet stored still marked unsaved, ready for another try.
 */
import type { CreateRoiRequest, RoiDto } from "@fovea/client";
import type { ShapeInput } from "@fovea/model";
import { sessionLost } from "../../../state/session.ts";
import { applySavedStep, planSave, type SaveStep } from "./save-plan.ts";
import type { RoiStore } from "./roi-store.ts";

/** The writes Save needs: the ROI part of the API client. */
export interface RoiWriter {
  create(imageId: number, body: CreateRoiRequest): Promise<RoiDto>;
  replaceShape(shapeId: number, shape: ShapeInput): Promise<unknown>;
  deleteShape(shapeId: number): Promise<void>;
}

async function send(writer: RoiWriter, imageId: number, step: SaveStep): Promise<RoiDto | undefined> {
  switch (step.op) {
    case "create":
      return writer.create(imageId, { shapes: [step.shape] });
    case "replace":
      await writer.replaceShape(step.shapeId, step.shape);
      return undefined;
    case "delete":
      await writer.deleteShape(step.shapeId);
      return undefined;
  }
}

/** Saves every unsaved change of the panel's drafts; does nothing while a save runs. */
export async function saveRois(store: RoiStore, imageId: number, writer: RoiWriter): Promise<void> {
  if (store.get().save.status === "saving") return;
  const steps = planSave(store.get().drafts);
  if (steps.length === 0) return;
  store.set((s) => ({ ...s, save: { status: "saving", done: 0, total: steps.length } }));
  for (const [i, step] of steps.entries()) {
    try {
      const created = await send(writer, imageId, step);
      store.set((s) => ({ ...s, drafts: applySavedStep(s.drafts, step, created), save: { status: "saving", done: i + 1, total: steps.length } }));
    } catch (error) {
      sessionLost(error);
      store.set((s) => ({ ...s, save: { status: "failed", error, key: step.key } }));
      return;
    }
  }
  store.set((s) => ({ ...s, save: { status: "saved" } }));
}
