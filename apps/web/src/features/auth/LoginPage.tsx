/** The login page: user name and password, errors shown in place (bad credentials, rate limit). */
import { useState, type FormEvent } from "react";
import { toShownError } from "../../api/error-message.ts";
import { logIn } from "../../state/session.ts";

export function LoginPage({ reason }: { reason?: string | undefined }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(reason);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await logIn(username.trim(), password);
    } catch (err) {
      const shown = toShownError(err);
      setError(shown.code === "VALIDATION_FAILED" ? "Enter a user name and a password." : shown.message);
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand brand-large" aria-hidden="true"><span className="brand-mark" />Fovea</div>
        <h1 id="login-title">Log in</h1>
        <label>
          User name
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? "Logging in…" : "Log in"}</button>
      </form>
    </main>
  );
}
