import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isFoveaError } from "@fovea/model";
import { ConfigStore, configDirFromEnv } from "./config-store.ts";

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "fovea-cli-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const login = { server: "http://localhost:4080/api/v1", token: "secret-token", username: "alice" };

test("writes the login readable by its owner only, in a private directory", async (t) => {
  const store = new ConfigStore(join(await tempDir(t), "nested", "fovea"));
  await store.write(login);
  assert.equal((await stat(store.path)).mode & 0o777, 0o600);
  assert.equal((await stat(store.dir)).mode & 0o777, 0o700);
  assert.deepEqual(JSON.parse(await readFile(store.path, "utf8")), login);
  assert.deepEqual(await store.read(), login);
});

test("rewriting a file that had loose permissions makes it 0600 again", async (t) => {
  const dir = await tempDir(t);
  const store = new ConfigStore(dir);
  await writeFile(store.path, "{}", { mode: 0o644 });
  await store.write(login);
  assert.equal((await stat(store.path)).mode & 0o777, 0o600);
});

test("no file means not logged in; clear removes it and reports whether there was one", async (t) => {
  const store = new ConfigStore(await tempDir(t));
  assert.equal(await store.read(), undefined);
  assert.equal(await store.clear(), false);
  await store.write(login);
  assert.equal(await store.clear(), true);
  assert.equal(await store.read(), undefined);
});

test("a corrupt file is an error that names the file and the fix", async (t) => {
  const dir = await tempDir(t);
  await mkdir(dir, { recursive: true });
  const store = new ConfigStore(dir);
  await writeFile(store.path, "{ not json");
  await assert.rejects(store.read(), (e) => isFoveaError(e) && e.message.includes(store.path) && e.message.includes("fovea login"));
  await writeFile(store.path, JSON.stringify({ server: "x" }));
  await assert.rejects(store.read(), (e) => isFoveaError(e) && e.message.includes(store.path));
});

test("FOVEA_CONFIG_DIR wins, then XDG_CONFIG_HOME, then ~/.config/fovea", () => {
  assert.equal(configDirFromEnv({ FOVEA_CONFIG_DIR: "/c", XDG_CONFIG_HOME: "/x" }, "/home/a"), "/c");
  assert.equal(configDirFromEnv({ XDG_CONFIG_HOME: "/x" }, "/home/a"), "/x/fovea");
  assert.equal(configDirFromEnv({}, "/home/a"), "/home/a/.config/fovea");
});
