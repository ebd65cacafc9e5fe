import { test } from "node:test";
import assert from "node:assert/strict";
import { UsageError } from "../usage-error.ts";
import { newContainerBody, planLink } from "./obj.ts";

test("obj new fields: name required, description and groupId optional", () => {
  assert.deepEqual(newContainerBody(["name=P", "description=d", "groupId=3"]), { name: "P", description: "d", groupId: 3 });
  assert.throws(() => newContainerBody(["description=d"]), (e) => e instanceof UsageError && /name=NAME is required/.test(e.message));
  assert.throws(() => newContainerBody(["name=P", "groupId=x"]), (e) => e instanceof UsageError && /groupId/.test(e.message));
});

test("obj link picks the route from the pair of types", () => {
  assert.deepEqual(planLink({ type: "Project", id: 1 }, { type: "Dataset", id: 2 }), { kind: "project-dataset", projectId: 1, datasetId: 2 });
  assert.deepEqual(planLink({ type: "Dataset", id: 2 }, { type: "Image", id: 5 }), { kind: "dataset-image", datasetId: 2, imageId: 5 });
  assert.deepEqual(planLink({ type: "Roi", id: 9 }, { type: "TagAnnotation", id: 4 }), { kind: "annotation", target: { type: "Roi", id: 9 }, annotationId: 4 });
});

test("a reversed pair is refused with the command that would work", () => {
  assert.throws(
    () => planLink({ type: "Dataset", id: 2 }, { type: "Project", id: 1 }),
    (e) => e instanceof UsageError && e.message.includes("fovea obj link Project:1 Dataset:2"),
  );
  assert.throws(
    () => planLink({ type: "FileAnnotation", id: 4 }, { type: "Image", id: 1 }),
    (e) => e instanceof UsageError && e.message.includes("fovea obj link Image:1 FileAnnotation:4"),
  );
  assert.throws(() => planLink({ type: "Project", id: 1 }, { type: "Image", id: 1 }), UsageError);
});
