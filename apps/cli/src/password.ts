/** Where passwords come from: an option, the environment, a hidden prompt or stdin; or a fresh one. */
import { randomBytes } from "node:crypto";
import { LIMITS } from "@fovea/model";
import { promptHidden } from "./prompt-hidden.ts";
import { UsageError } from "./usage-error.ts";

export interface PasswordSources {
  option: string | undefined;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

/**
 * `-w` first, then `FOVEA_PASSWORD`, then a prompt without echo when stdin is a terminal, else
 * the first line of stdin (`echo "$PW" | fovea login -u alice`). `-w` is the least safe (it shows
 * in `ps` and the shell history), which is why the other three exist.
 */
export async function resolvePassword(src: PasswordSources, prompt: string): Promise<string> {
  const fromOption = src.option ?? src.env.FOVEA_PASSWORD;
  if (fromOption !== undefined && fromOption !== "") return fromOption;
  const password = src.stdin.isTTY ? await promptHidden(prompt, src.stdin, src.stderr) : await readFirstLine(src.stdin);
  if (password === "") throw new UsageError("no password given (use -w, FOVEA_PASSWORD, the prompt or stdin)");
  return password;
}

/** A random password for a new account: 144 bits, URL-safe, never shorter than the server's minimum. */
export function generatePassword(): string {
  const password = randomBytes(18).toString("base64url");
  return password.length >= LIMITS.PASSWORD_MIN ? password : generatePassword();
}

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) {
    text += typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8");
    const nl = text.search(/\r?\n/);
    if (nl >= 0) return text.slice(0, nl);
  }
  return text;
}
