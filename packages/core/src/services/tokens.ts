/** Random tokens and their hashes, with Web Crypto (present in Node 20 and browsers alike). */

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A fresh unguessable token (256 bits). */
export function newToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Sessions are stored by token hash, so a leaked database does not leak live tokens. */
export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return toBase64Url(new Uint8Array(digest));
}

/** A readable random password for generated accounts (root on first start, `user add`). */
export function newPassword(): string {
  return newToken().slice(0, 20);
}
