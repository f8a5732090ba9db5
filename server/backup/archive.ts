import { createHash } from "node:crypto";
import fs from "node:fs";
import type { FileHandle } from "node:fs/promises";

/**
 * A backup is a plain tar file of two entries, the manifest first and the database dump
 * second, so `tar -xOf <backup> manifest.json` shows what a backup holds without this code.
 */
export const MANIFEST_ENTRY = "manifest.json";

const BLOCK = 512;
const COPY_CHUNK = 1 << 20;
// Sizes past 11 octal digits (8 GiB) use the base-256 form GNU tar and libarchive read.
const LARGEST_OCTAL_SIZE = 8 ** 11 - 1;

export interface ArchiveEntry {
  name: string;
  /** Where the entry's bytes start in the archive, and how many there are. */
  offset: number;
  size: number;
}

/** Writes the manifest then the dump into `out`; the caller owns the file and its final name. */
export async function writeArchive(
  out: FileHandle,
  manifest: Buffer,
  dump: { name: string; path: string },
): Promise<void> {
  const mtime = Math.floor(Date.now() / 1000);
  let position = 0;
  const write = async (bytes: Buffer) => {
    await out.write(bytes, 0, bytes.length, position);
    position += bytes.length;
  };
  await write(header(MANIFEST_ENTRY, manifest.length, mtime));
  await write(manifest);
  await write(padding(manifest.length));
  const dumpSize = (await fs.promises.stat(dump.path)).size;
  await write(header(dump.name, dumpSize, mtime));
  const source = await fs.promises.open(dump.path, "r");
  try {
    const chunk = Buffer.alloc(COPY_CHUNK);
    for (;;) {
      const { bytesRead } = await source.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      await write(chunk.subarray(0, bytesRead));
    }
  } finally {
    await source.close();
  }
  await write(padding(dumpSize));
  await write(Buffer.alloc(2 * BLOCK));
}

/** The archive's entries in order; throws when the file is not a tar this code could have written. */
export async function readArchiveEntries(file: string): Promise<ArchiveEntry[]> {
  const handle = await fs.promises.open(file, "r");
  try {
    const { size: fileSize } = await handle.stat();
    const entries: ArchiveEntry[] = [];
    let position = 0;
    const block = Buffer.alloc(BLOCK);
    while (position + BLOCK <= fileSize) {
      await handle.read(block, 0, BLOCK, position);
      if (block.every((byte) => byte === 0)) return entries;
      const entry = parseHeader(block, position + BLOCK);
      if (entry.offset + entry.size > fileSize)
        throw new Error(`${file} is cut short: "${entry.name}" needs ${entry.size} bytes that are not there`);
      entries.push(entry);
      position = entry.offset + entry.size + padding(entry.size).length;
    }
    throw new Error(`${file} is cut short: it does not end like a complete backup`);
  } finally {
    await handle.close();
  }
}

export async function readEntry(file: string, entry: ArchiveEntry): Promise<Buffer> {
  const handle = await fs.promises.open(file, "r");
  try {
    const bytes = Buffer.alloc(entry.size);
    await handle.read(bytes, 0, entry.size, entry.offset);
    return bytes;
  } finally {
    await handle.close();
  }
}

export function entryStream(file: string, entry: ArchiveEntry): fs.ReadStream {
  // An empty range would read the whole file: `end` is inclusive.
  return fs.createReadStream(file, { start: entry.offset, end: entry.offset + Math.max(entry.size, 1) - 1 });
}

export async function entrySha256(file: string, entry: ArchiveEntry): Promise<string> {
  const hash = createHash("sha256");
  if (entry.size > 0) for await (const chunk of entryStream(file, entry)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function header(name: string, size: number, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, "utf8");
  block.write("0000600\0", 100, "ascii");
  block.write("0000000\0", 108, "ascii");
  block.write("0000000\0", 116, "ascii");
  if (size <= LARGEST_OCTAL_SIZE) block.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "ascii");
  else {
    block[124] = 0x80;
    block.writeBigUInt64BE(BigInt(size), 128);
  }
  block.write(`${mtime.toString(8).padStart(11, "0")}\0`, 136, "ascii");
  block.write("0", 156, "ascii");
  block.write("ustar\0", 257, "ascii");
  block.write("00", 263, "ascii");
  block.write(`${checksum(block).toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return block;
}

function parseHeader(block: Buffer, offset: number): ArchiveEntry {
  const recorded = Number.parseInt(block.toString("ascii", 148, 156).replace(/[\0 ]/g, ""), 8);
  if (block.toString("ascii", 257, 262) !== "ustar" || recorded !== checksum(block))
    throw new Error("not a backup archive (its tar header is damaged or missing)");
  const name = block.toString("utf8", 0, 100).replace(/\0.*$/s, "");
  const size =
    block[124]! & 0x80
      ? Number(block.readBigUInt64BE(128))
      : Number.parseInt(block.toString("ascii", 124, 136).replace(/[\0 ]/g, "") || "0", 8);
  return { name, offset, size };
}

/** The sum of the header's bytes, its checksum field counted as spaces. */
function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum;
}

function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}
