/**
 * The `raw` column packed (issue #23 target 3). A message's raw `WebMessageInfo` is kept to
 * answer retry requests, send receipts, edit, revoke, forward and download media, and most of
 * its bytes repeat the row's own columns: the chat JID, the id, fromMe, the sender, the
 * timestamp, the push name and, for text, the text itself. `packRaw` drops each of those fields
 * where it holds exactly the column's value; `unpackRaw` puts them back from the row.
 *
 * It works on the protobuf's wire format, not on decoded objects: a field is dropped only when
 * its stored bytes equal the column's encoding, everything else (unknown fields included) is
 * kept byte for byte, and fields are put back in field-number order, so a raw encoded by
 * protobufjs (always in that order) comes back identical, byte for byte. It needs no schema
 * (Baileys stays in wa/) and costs a walk over a few top-level fields on the write path.
 *
 * Format: a packed value starts with 0x00, which no protobuf can start with (field 0 does not
 * exist), then the format version, the dropped fields as a bit set (varint) and the residual
 * protobuf. Anything else is an unpacked raw and is returned as it is, so rows written before
 * (or repacked later, see raw-repack.ts) read the same either way.
 *
 * The columns a packed raw is rebuilt from must not change while the row keeps it. They never
 * do, except `text` (edits, revokes, reclassified unknown messages): its writers repack with
 * `repackRaw`. Rows still waiting for their content are left unpacked: wa/waiting-resend.ts reads
 * their raw as stored.
 */
import { senderColumn } from './message-sender.js';

/** The row's columns a packed raw is rebuilt from (as a message row or a SQL row names them). */
export interface RawColumns {
  chatJid: string;
  id: string;
  fromMe: boolean | number;
  senderJid: string | null;
  senderName: string | null;
  /** Unix ms. */
  timestamp: number;
  text: string | null;
}

/**
 * What a reader of `raw` selects: the column and what `unpackRaw` needs to rebuild it. The sender
 * as every reader gets it (message-sender.ts), which is the sender the raw was packed against.
 */
export const RAW_WITH_COLUMNS = `raw, chat_jid AS chatJid, id, from_me AS fromMe, ${senderColumn()} AS senderJid,
  sender_name AS senderName, timestamp, text`;

/** A row selected with `RAW_WITH_COLUMNS`. */
export interface StoredRaw extends RawColumns {
  raw: Buffer | null;
}

const PACKED = 0x00;
const FORMAT = 1;

const VARINT = 0;
const LENGTH_DELIMITED = 2;

/** A field taken from a column. `bit` is its place in the stored bit set: never renumber. */
type Leaf =
  | { field: number; wire: typeof VARINT; number: (row: RawColumns) => number | null; bit: number }
  /** A text column's string, held as UTF-8. */
  | { field: number; wire: typeof LENGTH_DELIMITED; text: (row: RawColumns) => string | null; bit: number };
/** A nested message holding such fields. */
interface Branch {
  field: number;
  children: readonly Node[];
}
type Node = Leaf | Branch;

/** A varint field holding a number column (null: the column cannot match). */
const numeric = (field: number, pick: (row: RawColumns) => number | null, bit: number): Leaf => ({
  field,
  wire: VARINT,
  number: pick,
  bit,
});
/** A length-delimited field holding a text column as UTF-8. */
const utf8 = (field: number, pick: (row: RawColumns) => string | null, bit: number): Leaf => ({
  field,
  wire: LENGTH_DELIMITED,
  text: pick,
  bit,
});
const text = (row: RawColumns) => row.text;
const branch = (field: number, children: readonly Node[]): Branch => ({ field, children });

/** Where a message's text lives in `Message` (field numbers of WAProto.proto), bits from `base`. */
const messageContent = (base: number): Node[] => [
  utf8(1, text, base), // conversation
  branch(3, [utf8(3, text, base + 1)]), // imageMessage.caption
  branch(6, [utf8(1, text, base + 2)]), // extendedTextMessage.text
  branch(7, [utf8(20, text, base + 3)]), // documentMessage.caption
  branch(9, [utf8(7, text, base + 4)]), // videoMessage.caption
];

/** `WebMessageInfo`: the fields the row's columns hold. */
const WEB_MESSAGE_INFO: readonly Node[] = [
  branch(1, [
    utf8(1, (row) => row.chatJid, 0), // key.remoteJid
    numeric(2, (row) => (row.fromMe ? 1 : 0), 1), // key.fromMe
    utf8(3, (row) => row.id, 2), // key.id
    utf8(4, (row) => row.senderJid, 3), // key.participant
  ]),
  branch(2, [
    ...messageContent(4),
    // Disappearing chats wrap every message: ephemeralMessage.message (a FutureProofMessage).
    branch(40, [branch(1, messageContent(9))]),
  ]),
  numeric(3, (row) => (row.timestamp % 1000 === 0 ? row.timestamp / 1000 : null), 14),
  utf8(19, (row) => row.senderName, 15), // pushName
];

/** The bits a node's fields use (a branch: all below it). */
const bitsOf = (node: Node): number =>
  'bit' in node ? 1 << node.bit : node.children.reduce((bits, child) => bits | bitsOf(child), 0);
const MASKS = new Map<Node, number>();
const remember = (nodes: readonly Node[]) => {
  for (const node of nodes) {
    MASKS.set(node, bitsOf(node));
    if (!('bit' in node)) remember(node.children);
  }
};
remember(WEB_MESSAGE_INFO);

/**
 * The value to store for `raw`: packed when the row's columns hold some of its fields exactly,
 * otherwise `raw` itself (also when it is not a protobuf this codec can walk).
 */
export function packRaw(raw: Buffer, row: RawColumns): Buffer {
  if (raw.length === 0 || raw[0] === PACKED) return raw;
  const plan: number[] = [];
  const found = { bits: 0 };
  let length: number;
  try {
    length = strip(raw, 0, raw.length, WEB_MESSAGE_INFO, row, found, plan);
  } catch {
    return raw; // not a protobuf we can walk: kept as it came
  }
  if (found.bits === 0) return raw;
  const total = 2 + varintLength(found.bits) + length;
  if (total >= raw.length) return raw;
  const packed = Buffer.allocUnsafe(total);
  packed[0] = PACKED;
  packed[1] = FORMAT;
  let at = writeVarint(packed, 2, found.bits);
  for (let i = 0; i < plan.length; i += 2) {
    const from = plan[i]!;
    at =
      from === HEADER ? writeVarint(packed, at, plan[i + 1]!) : at + raw.copy(packed, at, from, plan[i + 1]);
  }
  return packed;
}

/** The `WebMessageInfo` bytes of a stored `raw` (packed or not), given its row's columns. */
export function unpackRaw(stored: Buffer, row: RawColumns): Buffer {
  if (stored.length === 0 || stored[0] !== PACKED) return stored;
  if (stored[1] !== FORMAT) throw new Error(`raw: unknown packed format ${String(stored[1])}`);
  const reader = { bytes: stored, at: 2 };
  const bits = readVarint(reader);
  return rebuild(stored.subarray(reader.at), WEB_MESSAGE_INFO, row, bits);
}

/** A stored row's raw unpacked, or null when it has none. */
export function rawOf(row: StoredRaw): Buffer | null {
  return row.raw ? unpackRaw(row.raw, row) : null;
}

/** A stored raw again for the row's new columns (`text` changed): unpacked with the old, packed with the new. */
export function repackRaw(stored: Buffer | null, before: RawColumns, after: RawColumns): Buffer | null {
  return stored ? packRaw(unpackRaw(stored, before), after) : null;
}

interface Field {
  field: number;
  wire: number;
  /** The whole field (tag included), and its payload. */
  start: number;
  end: number;
  payloadStart: number;
  payloadEnd: number;
}

/** The top-level fields of a protobuf in bytes[from, to); throws on anything malformed. */
function fieldsOf(bytes: Buffer, from = 0, to = bytes.length): Field[] {
  const fields: Field[] = [];
  const reader = { bytes, at: from };
  while (reader.at < to) {
    const start = reader.at;
    const tag = readVarint(reader);
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (field === 0) throw new Error('raw: field 0');
    let payloadStart = reader.at;
    if (wire === VARINT) readVarint(reader);
    else if (wire === 1) reader.at += 8;
    else if (wire === 5) reader.at += 4;
    else if (wire === LENGTH_DELIMITED) {
      const length = readVarint(reader);
      payloadStart = reader.at;
      reader.at += length;
    } else throw new Error(`raw: wire type ${String(wire)}`); // groups: never in WAProto
    if (reader.at > to) throw new Error('raw: truncated');
    fields.push({ field, wire, start, end: reader.at, payloadStart, payloadEnd: reader.at });
  }
  return fields;
}

/** The index of `field` when it occurs exactly once (a repeated one is left alone). */
function single(fields: readonly Field[], field: number): number {
  let found = -1;
  for (let i = 0; i < fields.length; i += 1) {
    if (fields[i]!.field !== field) continue;
    if (found >= 0) return -1;
    found = i;
  }
  return found;
}

/**
 * A packed value's residual as a plan, built without copying anything: pairs of numbers, either a
 * range of the raw kept as it is (start, end) or a varint to write (`HEADER`, value: the tag and
 * length of a nested message that lost fields). It is written out once, into one buffer, at the
 * end: the raw is walked once per message on the ingest path (issue #23 target 4), and slicing
 * and concatenating buffers level by level cost more than the walk.
 */
const HEADER = -1;

/**
 * Plans bytes[start, end) without the fields the row holds (`found.bits` collects which were
 * dropped) and answers the planned length. Fields are kept in their order.
 */
function strip(
  bytes: Buffer,
  start: number,
  end: number,
  nodes: readonly Node[],
  row: RawColumns,
  found: { bits: number },
  plan: number[],
): number {
  const fields = fieldsOf(bytes, start, end);
  let length = 0;
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i]!;
    const node = nodeFor(nodes, field.field);
    // A repeated field is left alone.
    if (node && single(fields, field.field) === i) {
      if ('bit' in node) {
        if (field.wire === node.wire && holds(node, row, bytes, field)) {
          found.bits |= 1 << node.bit;
          continue;
        }
      } else if (field.wire === LENGTH_DELIMITED) {
        const before = found.bits;
        const mark = plan.length;
        plan.push(HEADER, field.field * 8 + LENGTH_DELIMITED, HEADER, 0);
        const inner = strip(bytes, field.payloadStart, field.payloadEnd, node.children, row, found, plan);
        if (found.bits !== before) {
          if (inner === 0)
            plan.length = mark; // emptied: the field goes
          else {
            plan[mark + 3] = inner;
            length += varintLength(plan[mark + 1]!) + varintLength(inner) + inner;
          }
          continue;
        }
        plan.length = mark; // nothing dropped inside: kept as it is
      }
    }
    plan.push(field.start, field.end);
    length += field.end - field.start;
  }
  return length;
}

function nodeFor(nodes: readonly Node[], field: number): Node | undefined {
  for (const node of nodes) if (node.field === field) return node;
  return undefined;
}

/** Whether a field's payload is exactly the column's value (compared in place: nothing is sliced). */
function holds(node: Leaf, row: RawColumns, bytes: Buffer, field: Field): boolean {
  if (node.wire === VARINT) {
    const value = node.number(row);
    // The same bytes: the same number in as many bytes as its shortest encoding takes.
    return (
      value !== null &&
      field.payloadEnd - field.payloadStart === varintLength(value) &&
      readVarint({ bytes, at: field.payloadStart }) === value
    );
  }
  const value = node.text(row);
  return value !== null && holdsUtf8(bytes, field.payloadStart, field.payloadEnd, value);
}

/**
 * Whether bytes[start, end) are `value` in UTF-8, without encoding it on the write path (JIDs and
 * ids are ASCII). UTF-8 takes at least one byte per UTF-16 code unit, and exactly one only for
 * ASCII: the same length means an ASCII value compared code by code; a longer one is encoded.
 */
function holdsUtf8(bytes: Buffer, start: number, end: number, value: string): boolean {
  const length = end - start;
  if (length < value.length) return false;
  if (length > value.length) return Buffer.from(value, 'utf8').compare(bytes, start, end) === 0;
  for (let i = 0; i < length; i += 1) {
    const code = value.charCodeAt(i);
    if (code >= 0x80 || bytes[start + i] !== code) return false;
  }
  return true;
}

/** `residual` with the dropped fields (`bits`) put back from the row, in field-number order. */
function rebuild(residual: Buffer, nodes: readonly Node[], row: RawColumns, bits: number): Buffer {
  const adds = nodes.filter((node) => (MASKS.get(node)! & bits) !== 0).sort((a, b) => a.field - b.field);
  if (adds.length === 0) return residual;
  const fields = fieldsOf(residual);
  const parts: Buffer[] = [];
  let next = 0;
  const put = (node: Node, payload: Buffer) => {
    if ('bit' in node) {
      const value = node.wire === VARINT ? node.number(row) : node.text(row);
      // A column emptied without a repack (a bug) loses that field, not the whole raw.
      if (value === null) return;
      parts.push(
        typeof value === 'number'
          ? Buffer.concat([varint(node.field * 8), varint(value)])
          : lengthDelimited(node.field, Buffer.from(value, 'utf8')),
      );
    } else parts.push(lengthDelimited(node.field, rebuild(payload, node.children, row, bits)));
  };
  for (const field of fields) {
    while (next < adds.length && adds[next]!.field < field.field) put(adds[next++]!, Buffer.alloc(0));
    const add = adds[next];
    if (add && add.field === field.field && !('bit' in add)) {
      put(add, residual.subarray(field.payloadStart, field.payloadEnd));
      next += 1;
    } else parts.push(residual.subarray(field.start, field.end));
  }
  while (next < adds.length) put(adds[next++]!, Buffer.alloc(0));
  return Buffer.concat(parts);
}

function lengthDelimited(field: number, payload: Buffer): Buffer {
  return Buffer.concat([varint(field * 8 + LENGTH_DELIMITED), varint(payload.length), payload]);
}

/** A non-negative integer as a protobuf varint (arithmetic, not bit operations: up to 2^53). */
function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** How many bytes `varint(value)` takes. */
function varintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) length += 1;
  return length;
}

/** Writes `varint(value)` at `at`; answers where it ends. */
function writeVarint(target: Buffer, at: number, value: number): number {
  let next = at;
  let rest = value;
  while (rest >= 0x80) {
    target[next++] = (rest % 0x80) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  target[next++] = rest;
  return next;
}

function readVarint(reader: { bytes: Buffer; at: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (reader.at >= reader.bytes.length) throw new Error('raw: truncated varint');
    const byte = reader.bytes[reader.at++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
    if (scale > 2 ** 63) throw new Error('raw: varint too long');
  }
}
