import { test } from "node:test";
import assert from "node:assert/strict";
import { isFoveaError } from "@fovea/model";
import { normalizeBaseUrl, serverLabel } from "./base-url.ts";

test("appends /api/v1 to a bare server URL, with or without a trailing slash", () => {
  assert.equal(normalizeBaseUrl("http://localhost:4080"), "http://localhost:4080/api/v1");
  assert.equal(normalizeBaseUrl("http://localhost:4080/"), "http://localhost:4080/api/v1");
  assert.equal(normalizeBaseUrl("  https://fovea.example.org  "), "https://fovea.example.org/api/v1");
});

test("keeps an API root that is already there and a path prefix behind a proxy", () => {
  assert.equal(normalizeBaseUrl("http://h:4080/api/v1/"), "http://h:4080/api/v1");
  assert.equal(normalizeBaseUrl("https://example.org/fovea/"), "https://example.org/fovea/api/v1");
});

test("assumes http:// when no scheme is given and drops query and fragment", () => {
  assert.equal(normalizeBaseUrl("127.0.0.1:4080"), "http://127.0.0.1:4080/api/v1");
  assert.equal(normalizeBaseUrl("http://h:1/?x=1#y"), "http://h:1/api/v1");
});

test("rejects what is not an http(s) URL", () => {
  assert.throws(() => normalizeBaseUrl("ftp://h/"), (e) => isFoveaError(e, "VALIDATION_FAILED") && /http and https/.test(e.message));
  assert.throws(() => normalizeBaseUrl("http://"), (e) => isFoveaError(e, "VALIDATION_FAILED"));
});

test("serverLabel strips the API prefix for messages", () => {
  assert.equal(serverLabel("http://h:4080/api/v1"), "http://h:4080");
});
