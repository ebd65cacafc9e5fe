import { test } from "node:test";
import assert from "node:assert/strict";
import { isFoveaError } from "@fovea/model";
import { errorFromResponse, FoveaHttpError } from "./http-errors.ts";

test("keeps the code, message and details of an error envelope, plus the status", () => {
  const body = JSON.stringify({ error: { code: "SHAPE_INVALID", message: "bad shape", details: [{ field: "shapes[0].x", message: "must be a number" }] } });
  const err = errorFromResponse(400, "Bad Request", body, "http://h/api/v1/images/1/rois");
  assert.ok(err instanceof FoveaHttpError);
  assert.ok(isFoveaError(err, "SHAPE_INVALID"));
  assert.equal(err.message, "bad shape");
  assert.equal(err.status, 400);
  assert.deepEqual(err.details, [{ field: "shapes[0].x", message: "must be a number" }]);
});

test("an unknown code from a newer server falls back to the status and is kept in details", () => {
  const err = errorFromResponse(409, "Conflict", JSON.stringify({ error: { code: "SHINY_NEW", message: "m" } }), "u");
  assert.equal(err.code, "CONFLICT");
  assert.deepEqual(err.details, { serverCode: "SHINY_NEW", details: undefined });
});

test("a non-JSON error page names the status and the URL", () => {
  const err = errorFromResponse(502, "Bad Gateway", "<html>upstream down</html>", "http://h/api/v1/projects");
  assert.equal(err.code, "INTERNAL");
  assert.match(err.message, /HTTP 502 Bad Gateway from http:\/\/h\/api\/v1\/projects: <html>upstream down/);
  assert.equal(errorFromResponse(404, "", "", "u").code, "NOT_FOUND");
});
