/**
 * Whole-system browser tests (issue: Web UI): a real Fovea server started in this process on a
 * temp data directory with the synthetic demo datasets ("siRNA-HeLa", "Kymograph"), the built web
 * bundle it serves at `/`, and Debian's Chromium driven by playwright-core (never a downloaded
 * browser). Every page records console errors and failed requests so a test can assert there were
 * none, and `shot()` saves a numbered screenshot of each step under test-output/e2e/<test>/.
 *
 * When /usr/bin/chromium or the web bundle is missing, `webE2eSkipReason()` says so and the tests
 * skip themselves with that reason.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { FoveaClient } from "@fovea/client";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";

export const CHROMIUM = process.env.FOVEA_CHROMIUM ?? "/usr/bin/chromium";
const REPO = fileURLToPath(new URL("../../", import.meta.url));
/** The bundle under test; FOVEA_E2E_WEB_DIR points at another build (parallel work on one tree). */
const WEB_DIST = process.env.FOVEA_E2E_WEB_DIR ?? join(REPO, "apps/web/dist");
const OUTPUT = join(REPO, "test-output/e2e");
export const ADMIN_PASSWORD = "e2e-root-password";
export const DEMO = { username: "demo", password: "fovea-demo" } as const;

/** Why the browser tests cannot run here, or undefined when they can. */
export function webE2eSkipReason(): string | undefined {
  if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM} (apt-get install chromium); browser tests skipped`;
  if (!existsSync(join(WEB_DIST, "index.html"))) return "the web bundle is not built (node build.mjs web); browser tests skipped";
  return undefined;
}

export interface WebServer {
  readonly url: string;
  readonly server: RunningServer;
  /** A bearer-token client logged in as root, for arranging data the test is not about. */
  readonly root: FoveaClient;
  close(): Promise<void>;
}

export interface WebServerOptions {
  /** Jobs run at once (default 2). */
  workers?: number;
  allowUserScripts?: boolean;
  jobDefaultTimeoutSeconds?: number;
}

/** Starts a server with the demo account and the synthetic demo datasets loaded. */
export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "fovea-e2e-"));
  const server = await startServer(loadConfig({}, {
    dataDir, host: "127.0.0.1", port: 0, adminPassword: ADMIN_PASSWORD, logLevel: "silent",
    demo: true, demoPassword: DEMO.password, demoDataDir: join(dataDir, "no-real-data"), webDir: WEB_DIST,
    workers: options.workers ?? 2, allowUserScripts: options.allowUserScripts ?? false,
    ...(options.jobDefaultTimeoutSeconds !== undefined && { jobDefaultTimeoutSeconds: options.jobDefaultTimeoutSeconds }),
  }));
  await server.demoData;
  const root = new FoveaClient({ baseUrl: server.url });
  await root.login({ username: "root", password: ADMIN_PASSWORD });
  return {
    url: server.url, server, root,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A suite's server and browser, valid between its `before` and `after` hooks. */
export interface WebSuite {
  readonly web: WebServer;
  readonly browser: Browser;
}

/**
 * Call inside a `describe`: starts a server and Chromium before the suite's tests and closes both
 * after them. Its hooks are registered first, so the suite's own `before` hooks may use them.
 */
export function webSuite(options: WebServerOptions = {}): WebSuite {
  let web: WebServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    web = await startWebServer(options);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });
  const running = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the web suite runs only between its before and after hooks");
    return value;
  };
  return {
    get web() { return running(web); },
    get browser() { return running(browser); },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

export interface TestPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors, uncaught page errors and failed (≥ 400) requests seen so far. */
  readonly problems: string[];
  /** Saves `NN-step.png` under test-output/e2e/<test name>/. */
  shot(step: string): Promise<void>;
  /** Requests the test itself provoked (e.g. a refused launch) that are not problems. */
  expectFailure(pattern: RegExp): void;
  close(): Promise<void>;
}

/** Opens a fresh browser context (its own cookies) on the server, recording every problem. */
export async function openPage(browser: Browser, baseUrl: string, testName: string): Promise<TestPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  const expected: RegExp[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && !expected.some((re) => re.test(msg.text()))) problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("response", (res) => {
    const line = `${res.request().method()} ${res.url()} → ${res.status()}`;
    if (res.status() >= 400 && !expected.some((re) => re.test(line))) problems.push(`request: ${line}`);
  });
  const dir = join(OUTPUT, testName.replace(/[^A-Za-z0-9_.-]+/g, "-"));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return {
    page, context, problems,
    async shot(step) {
      n += 1;
      await page.screenshot({ path: join(dir, `${String(n).padStart(2, "0")}-${step.replace(/[^A-Za-z0-9_.-]+/g, "-")}.png`) });
    },
    expectFailure(pattern) {
      expected.push(pattern);
    },
    close: () => context.close(),
  };
}

/** Logs in through the login page and waits for the application shell. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/");
  await page.getByLabel("User name").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}
