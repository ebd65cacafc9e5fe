/**
 * Limits failed logins per (user name, client address): after MAX_FAILURES within WINDOW_MS the
 * next attempts are refused with RATE_LIMITED until the window passes. In memory: one process
 * serves logins in embedded mode, and a restart forgiving counts is acceptable.
 */
import { FoveaError } from "@fovea/model";
import type { Clock } from "../ports/index.ts";

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const MAX_KEYS = 100_000;

export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  constructor(private readonly clock: Clock) {}

  /** Throws RATE_LIMITED when this key has failed too often recently. */
  check(key: string): void {
    const recent = this.#recent(key);
    if (recent.length >= MAX_FAILURES) {
      const retryAfterSeconds = Math.ceil((recent[0]! + WINDOW_MS - this.clock.now().getTime()) / 1000);
      throw new FoveaError("RATE_LIMITED", `Too many failed logins: try again in ${retryAfterSeconds} s`, {
        details: { retryAfterSeconds },
      });
    }
  }

  recordFailure(key: string): void {
    if (this.#failures.size >= MAX_KEYS) this.#failures.clear(); // bound memory under a flood of names
    this.#failures.set(key, [...this.#recent(key), this.clock.now().getTime()]);
  }

  recordSuccess(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string): number[] {
    const since = this.clock.now().getTime() - WINDOW_MS;
    return (this.#failures.get(key) ?? []).filter((t) => t > since);
  }
}
