/** Reads a secret from a terminal without echoing it. */

/**
 * Puts the terminal in raw mode and reads keystrokes until Enter. Backspace edits, Ctrl-C cancels
 * the command (raw mode turns it into a plain byte instead of SIGINT), Ctrl-D on an empty line ends
 * input. The terminal is restored on every path out.
 */
export function promptHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = "";
    output.write(prompt);
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    input.setEncoding("utf8");
    input.resume();
    const finish = (fn: () => void): void => {
      input.removeListener("data", onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write("\n");
      fn();
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || (ch === "\u0004" && value === "")) return finish(() => resolve(value));
        if (ch === "\u0003") return finish(() => reject(Object.assign(new Error("cancelled"), { code: "ABORT_ERR" })));
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else if (ch >= " ") value += ch;
      }
    };
    input.on("data", onData);
  });
}
