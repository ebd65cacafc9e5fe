/** A clock that tests move by hand (session expiry), passed to `startServer` as `clock`. */
import type { Clock } from "@fovea/core";

export class TestClock implements Clock {
  /** Starts at the real time (so cookie expiry dates look sane) and then stands still. */
  #ms = Date.now();

  now(): Date {
    return new Date(this.#ms);
  }

  advance(ms: number): void {
    this.#ms += ms;
  }

  /** Moves back (or forward) to an instant read earlier with `now()`. */
  set(instant: Date): void {
    this.#ms = instant.getTime();
  }
}
