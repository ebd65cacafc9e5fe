/**
 * A small, tolerant XML reader for OME-XML: elements, attributes and text, with namespace
 * prefixes dropped. It skips comments, processing instructions, DOCTYPE and CDATA, decodes the
 * standard entities, and survives sloppy nesting (vendors embed their own XML in annotations).
 * Node has no DOM parser and a dependency for ~100 lines is not worth it.
 */

export interface XmlElement {
  /** Local name, without any namespace prefix. */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Concatenated direct text content (entities decoded, not trimmed). */
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return safeCodePoint(parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith("#")) return safeCodePoint(parseInt(body.slice(1), 10)) ?? whole;
    return ENTITIES[body] ?? whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function parseAttributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = localName(m[1]!);
    if (!(name in out)) out[name] = decodeEntities(m[3] ?? m[4] ?? "");
  }
  return out;
}

/** Where a markup construct starting at `i` ends (index just past it), or -1 when unterminated. */
function skipSpecial(xml: string, i: number): number {
  if (xml.startsWith("<!--", i)) return end(xml.indexOf("-->", i + 4), 3);
  if (xml.startsWith("<![CDATA[", i)) return end(xml.indexOf("]]>", i + 9), 3);
  if (xml.startsWith("<?", i)) return end(xml.indexOf("?>", i + 2), 2);
  if (xml.startsWith("<!", i)) return end(xml.indexOf(">", i + 2), 1);
  return i;
}

function end(at: number, length: number): number {
  return at < 0 ? -1 : at + length;
}

/** Parses `xml` and returns its root element, or undefined when there is none. */
export function parseXml(xml: string): XmlElement | undefined {
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const top = stack[stack.length - 1]!;
    if (lt < 0) {
      top.text += decodeEntities(xml.slice(i));
      break;
    }
    if (lt > i) top.text += decodeEntities(xml.slice(i, lt));
    if (xml.startsWith("<![CDATA[", lt)) {
      const stop = xml.indexOf("]]>", lt + 9);
      top.text += xml.slice(lt + 9, stop < 0 ? xml.length : stop);
    }
    const special = skipSpecial(xml, lt);
    if (special < 0) break;
    if (special > lt) {
      i = special;
      continue;
    }
    const gt = findTagEnd(xml, lt + 1);
    if (gt < 0) break;
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith("/")) {
      closeElement(stack, localName(tag.slice(1).trim()));
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameEnd = body.search(/[\s]|$/);
    const element: XmlElement = { name: localName(body.slice(0, nameEnd)), attributes: parseAttributes(body.slice(nameEnd)), children: [], text: "" };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  return root.children[0];
}

/** Index of the `>` closing a tag, skipping `>` inside quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote = "";
  for (let j = from; j < xml.length; j++) {
    const ch = xml[j]!;
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ">") {
      return j;
    }
  }
  return -1;
}

/** Pops to the nearest open element of that name; a stray closing tag is ignored. */
function closeElement(stack: XmlElement[], name: string): void {
  for (let k = stack.length - 1; k > 0; k--) {
    if (stack[k]!.name === name) {
      stack.length = k;
      return;
    }
  }
}

/** Direct children named `name`. */
export function childrenNamed(e: XmlElement, name: string): XmlElement[] {
  return e.children.filter((c) => c.name === name);
}

export function firstChild(e: XmlElement, name: string): XmlElement | undefined {
  return e.children.find((c) => c.name === name);
}
