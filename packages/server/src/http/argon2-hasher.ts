/** argon2id password hashing (SPEC §1) behind core's PasswordHasher port. */
import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "@fovea/core";

/** OWASP's minimum argon2id settings: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, OPTIONS),
  verify: (digest, password) => verify(digest, password),
};
