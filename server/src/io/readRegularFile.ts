/**
 * Reads a file the linter was asked to read, safely: only regular files (a FIFO, a device such as
 * /dev/zero, a socket or a directory is refused, also behind a symbolic link), and at most
 * `maxBytes` (a bigger file is refused before anything is read; one that grows while being read is
 * refused when it passes the cap). The file is opened non-blocking, so opening a FIFO never waits for
 * a writer; its type is checked on the open descriptor (fstat), so nothing can swap it in between.
 */
import * as fs from 'fs';

/** Why a file was not read, in words for a message ("it is a FIFO, not a regular file"). */
export class FileReadError extends Error {
  constructor(
    message: string,
    /** `too-large` when the size cap refused it; `not-regular` for FIFOs, devices and folders. */
    readonly kind: 'not-found' | 'not-regular' | 'too-large' | 'other',
  ) {
    super(message);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** A Node error in words, with its code (`permission denied (EACCES)`). */
export function errnoWords(error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && ERRNO_WORDS[code] !== undefined) return new FileReadError(`${ERRNO_WORDS[code]} (${code})`, code === 'ENOENT' ? 'not-found' : 'other');
  return new FileReadError(error instanceof Error ? error.message : String(error), 'other');
}

const CHUNK = 1 << 20;

/** The file's bytes decoded as UTF-8 (invalid sequences become U+FFFD). Throws FileReadError. */
export function readRegularFile(file: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw errnoWords(error);
  }
  try {
    let stat: fs.Stats;
    try {
      stat = fs.fstatSync(fd);
    } catch (error) {
      throw errnoWords(error);
    }
    if (!stat.isFile()) {
      const kind = kindOf(stat);
      throw new FileReadError(kind === 'not a regular file' ? kind : `it is ${kind}, not a regular file`, 'not-regular');
    }
    if (stat.size > maxBytes) throw new FileReadError(`it is ${formatBytes(stat.size)}, over the limit of ${formatBytes(maxBytes)}`, 'too-large');
    // The size can be stale (a growing file) or 0 (files under /proc): read up to the cap and one byte more.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      let n: number;
      try {
        n = fs.readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        throw errnoWords(error);
      }
      if (n === 0) break;
      chunks.push(n === buffer.length ? buffer : buffer.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new FileReadError(`it grew past the limit of ${formatBytes(maxBytes)} while being read`, 'too-large');
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
