// Markup compatibility (ECMA-376 Part 3) as a reader that understands only the ECMA namespaces
// applies it before it looks at a part: what the namespaces listed in mc:Ignorable add (elements
// and attributes) is dropped; mc:AlternateContent is replaced by its mc:Fallback's content (a
// Choice always requires a namespace such a reader does not understand), or dropped without one;
// the mc:* attributes go. Also dropped: xml:space on elements whose schema type cannot declare
// attributes (sml's <t> is a simple type in the XSD, though Part 1 §18.4.12 allows xml:space on it):
// it is XML's own attribute (XML 1.0 §2.10), which every document may carry.
import { SaxesParser, type SaxesTagNS } from "saxes";

const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

interface Node {
  name: string;
  uri: string;
  /** Attributes as written (qualified name → value), namespace declarations included. */
  attrs: [string, string, string][]; // [qualified name, namespace uri, value]
  children: (Node | string)[];
  ignorable: Set<string>;
}

export interface McResult {
  xml: string;
  rootNamespace: string;
}

function escape(text: string, attribute: boolean): string {
  const out = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return attribute ? out.replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;") : out.replace(/\r/g, "&#13;");
}

/** The part after markup-compatibility processing, and its root element's namespace. */
export function processMarkupCompatibility(xml: string): McResult {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | null = null;
  let error: Error | null = null;
  parser.on("error", (e) => {
    error ??= e;
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const parentIgnorable = stack.length ? stack[stack.length - 1].ignorable : new Set<string>();
    let ignorable = parentIgnorable;
    const ignorableAttr = Object.values(tag.attributes).find((a) => a.uri === MC && a.local === "Ignorable");
    if (ignorableAttr) {
      ignorable = new Set(parentIgnorable);
      for (const prefix of ignorableAttr.value.split(/\s+/).filter(Boolean)) {
        const uri = tag.ns[prefix] ?? lookup(stack, prefix);
        if (uri) ignorable.add(uri);
      }
    }
    const node: Node = {
      name: tag.name,
      uri: tag.uri,
      attrs: Object.values(tag.attributes).map((a) => [a.name, a.uri, a.value]),
      children: [],
      ignorable,
    };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on("text", (text) => {
    if (stack.length) stack[stack.length - 1].children.push(text);
  });
  parser.on("cdata", (text) => {
    if (stack.length) stack[stack.length - 1].children.push(text);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error("no root element");
  const top = root as Node;
  const body = process(top).map((n) => serialize(n)).join("");
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`, rootNamespace: top.uri };
}

function lookup(stack: Node[], prefix: string): string | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const found = stack[i].attrs.find(([name]) => name === `xmlns:${prefix}`);
    if (found) return found[2];
  }
  return undefined;
}

/** The nodes that stand for `node` once processed (none, itself, or a Fallback's content). */
function process(node: Node): (Node | string)[] {
  if (node.uri === MC && /(^|:)AlternateContent$/.test(node.name)) {
    const fallback = node.children.find((c): c is Node => typeof c !== "string" && c.uri === MC && /(^|:)Fallback$/.test(c.name));
    return fallback ? fallback.children.flatMap((c) => (typeof c === "string" ? [c] : process(c))) : [];
  }
  if (node.ignorable.has(node.uri)) return [];
  const attrs = node.attrs.filter(([name, uri]) => {
    if (uri === MC) return false;
    if (name === "xml:space" || uri === XML_NS) return name !== "xml:space";
    if (name === "xmlns" || name.startsWith("xmlns:")) return true;
    return !(uri && node.ignorable.has(uri));
  });
  const children: (Node | string)[] = [];
  for (const child of node.children) {
    if (typeof child === "string") children.push(child);
    else for (const c of process(child)) children.push(c);
  }
  return [{ ...node, attrs, children }];
}

function serialize(node: Node | string): string {
  if (typeof node === "string") return escape(node, false);
  const attrs = node.attrs.map(([name, , value]) => ` ${name}="${escape(value, true)}"`).join("");
  if (node.children.length === 0) return `<${node.name}${attrs}/>`;
  let inner = "";
  for (const child of node.children) inner += serialize(child);
  return `<${node.name}${attrs}>${inner}</${node.name}>`;
}
