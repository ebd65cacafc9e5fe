/**
 * Syntax highlighting for script sources: highlight.js's core with only the three languages
 * scripts are written in, to keep the bundle small (the full build carries ~190 languages).
 */
import hljs from "highlight.js/lib/core";
import javascript from "highlight.js/lib/languages/javascript";
import python from "highlight.js/lib/languages/python";
import typescript from "highlight.js/lib/languages/typescript";
import type { ScriptLanguage } from "@fovea/model";

hljs.registerLanguage("javascript", javascript);
hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("python", python);

/** The source as highlight.js HTML (every piece of the text is escaped by highlight.js). */
export function highlightSource(source: string, language: ScriptLanguage): string {
  return hljs.highlight(source, { language, ignoreIllegals: true }).value;
}
