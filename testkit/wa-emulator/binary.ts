/** Small builders for binary stanzas (WABinary nodes) shared by the handlers. */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { getAllBinaryNodeChildren } from '@whiskeysockets/baileys';

import { SERVER_JID } from './jids.js';

export function node(
  tag: string,
  attrs: Record<string, string | undefined> = {},
  content?: BinaryNode['content'],
) {
  const cleanAttrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined) {
      cleanAttrs[key] = value;
    }
  }
  const built: BinaryNode = { tag, attrs: cleanAttrs };
  if (content !== undefined) {
    built.content = content;
  }
  return built;
}

/** `<iq type="result" id=… from=…>` answering a client query. */
export function iqResult(query: BinaryNode, content?: BinaryNode[]): BinaryNode {
  return node('iq', { type: 'result', id: query.attrs.id, from: query.attrs.to ?? SERVER_JID }, content);
}

/** `<iq type="error">` with an `<error code text/>` child, which Baileys turns into a Boom. */
export function iqError(query: BinaryNode, code: number, text: string): BinaryNode {
  return node('iq', { type: 'error', id: query.attrs.id, from: query.attrs.to ?? SERVER_JID }, [
    node('error', { code: String(code), text }),
  ]);
}

export function firstChild(stanza: BinaryNode): BinaryNode | undefined {
  return getAllBinaryNodeChildren(stanza)[0];
}

export function contentBytes(stanza: BinaryNode | undefined): Buffer | undefined {
  const content = stanza?.content;
  if (content instanceof Uint8Array) {
    return Buffer.from(content);
  }
  if (typeof content === 'string') {
    return Buffer.from(content, 'utf-8');
  }
  return undefined;
}

export function contentText(stanza: BinaryNode | undefined): string | undefined {
  return contentBytes(stanza)?.toString('utf-8');
}

/** Big-endian unsigned integer from 1–4 bytes (registration ids, key ids). */
export function readUIntBE(bytes: Uint8Array | undefined): number | undefined {
  if (!bytes || bytes.length === 0 || bytes.length > 6) {
    return undefined;
  }
  return Buffer.from(bytes).readUIntBE(0, bytes.length);
}

export function uintBE(value: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  out.writeUIntBE(value, 0, length);
  return out;
}

/** A JSON-friendly copy of a node (bytes become `{ base64 }`), for logs and the HTTP API. */
export type JsonNode = {
  tag: string;
  attrs: Record<string, string>;
  content?: JsonNode[] | string | { base64: string };
};

export function toJsonNode(stanza: BinaryNode): JsonNode {
  const out: JsonNode = { tag: stanza.tag, attrs: { ...stanza.attrs } };
  if (Array.isArray(stanza.content)) {
    out.content = stanza.content.map(toJsonNode);
  } else if (stanza.content instanceof Uint8Array) {
    out.content = { base64: Buffer.from(stanza.content).toString('base64') };
  } else if (typeof stanza.content === 'string') {
    out.content = stanza.content;
  }
  return out;
}
