/** Wires every repository to one Kysely handle (the database or a transaction). */
import type { Kysely } from "kysely";
import type { Clock, Repositories } from "@fovea/core";
import { createAnnotationRepository } from "./annotation.repository.ts";
import { systemClock } from "./clock.ts";
import { createContainerRepository } from "./container.repository.ts";
import { createGroupRepository } from "./group.repository.ts";
import { createJobRepository } from "./job.repository.ts";
import { createOriginalFileRepository } from "./original-file.repository.ts";
import { createRoiRepository } from "./roi.repository.ts";
import { createScriptRepository } from "./script.repository.ts";
import type { Database } from "../schema.ts";
import { createSessionRepository } from "./session.repository.ts";
import { inTransaction } from "../transaction.ts";
import { createUserRepository } from "./user.repository.ts";

/** Optional collaborators of the repositories. */
export interface RepositoryOptions {
  /** Source of created_at/updated_at stamps; the system clock by default. */
  readonly clock?: Clock;
}

/**
 * Repositories over `db`. `transaction(fn)` runs `fn` with repositories bound to one
 * transaction; called again inside it, it reuses that transaction (no savepoints), so an inner
 * throw rolls back the whole outer unit.
 */
export function createRepositories(db: Kysely<Database>, options: RepositoryOptions = {}): Repositories {
  const clock = options.clock ?? systemClock;
  const repos: Repositories = {
    users: createUserRepository(db, clock),
    groups: createGroupRepository(db, clock),
    sessions: createSessionRepository(db),
    containers: createContainerRepository(db, clock),
    rois: createRoiRepository(db, clock),
    annotations: createAnnotationRepository(db, clock),
    originals: createOriginalFileRepository(db, clock),
    scripts: createScriptRepository(db, clock),
    jobs: createJobRepository(db, clock),
    transaction(fn) {
      return inTransaction(db, (trx) => fn(trx === db ? repos : createRepositories(trx, options)));
    },
  };
  return repos;
}
