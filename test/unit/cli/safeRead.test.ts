/** readRegularFile (regular files only, a byte cap) and the escaping of file names for human output. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { displayName, oneLine } from '../../../server/src/cli/escape';
import { escapeData, escapeProperty } from '../../../server/src/cli/github';
import { FileReadError, readRegularFile } from '../../../server/src/io/readRegularFile';
import { scratch } from './cliHarness';

function readError(file: string, max: number): FileReadError {
  try {
    readRegularFile(file, max);
  } catch (error) {
    assert.ok(error instanceof FileReadError);
    return error;
  }
  assert.fail(`${file} was read`);
}

describe('readRegularFile', () => {
  it('reads a file up to and including the cap, refuses one byte more', () => {
    const s = scratch({ 'ten.txt': '0123456789', 'bom.txt': '\ufefftopology: x\n' });
    try {
      assert.equal(readRegularFile(s.file('ten.txt'), 10), '0123456789');
      const e = readError(s.file('ten.txt'), 9);
      assert.equal(e.kind, 'too-large');
      assert.equal(e.message, 'it is 10 bytes, over the limit of 9 bytes');
      assert.equal(readRegularFile(s.file('bom.txt'), 100), '\ufefftopology: x\n', 'a BOM is kept as text, as the editor has it');
    } finally {
      s.cleanup();
    }
  });

  it('reads files whose size the kernel reports as 0 (procfs) up to the cap', () => {
    const text = readRegularFile('/proc/self/status', 1 << 20);
    assert.match(text, /^Name:/);
    assert.equal(readError('/proc/self/status', 8).kind, 'too-large');
  });

  it('refuses devices, folders and missing files with words', () => {
    assert.equal(readError('/dev/zero', 1 << 20).message, 'it is a character device, not a regular file');
    assert.equal(readError('/dev/null', 1 << 20).kind, 'not-regular');
    assert.equal(readError('/tmp', 1 << 20).message, 'it is a folder, not a regular file');
    const missing = readError('/no/such/file.topology.yaml', 10);
    assert.equal(missing.kind, 'not-found');
    assert.equal(missing.message, 'no such file or folder (ENOENT)');
  });

  it('decodes invalid UTF-8 as U+FFFD instead of failing', () => {
    const s = scratch();
    try {
      fs.writeFileSync(s.file('bad.txt'), Buffer.from([0x61, 0xff, 0x62]));
      assert.equal(readRegularFile(s.file('bad.txt'), 10), 'a\ufffdb');
    } finally {
      s.cleanup();
    }
  });
});

describe('file names and messages in human output', () => {
  it('leaves ordinary names alone, quotes and escapes the rest', () => {
    assert.equal(displayName('fabrics/pod a/ünïcode.topology.yaml'), 'fabrics/pod a/ünïcode.topology.yaml');
    assert.equal(displayName('a\nb'), '"a\\nb"');
    assert.equal(displayName('\u001b[2Jx'), '"\\e[2Jx"');
    assert.equal(displayName('x\u202ey\u2066z\u200bw\u2028v\u0085'), '"x\\u202ey\\u2066z\\u200bw\\u2028v\\x85"');
    assert.equal(displayName('q"\\\r\u0007'), '"q\\"\\\\\\r\\x07"');
    assert.equal(displayName('lone\ud800'), '"lone\\ud800"');
    assert.equal(displayName('emoji 🙂.topology.yaml'), 'emoji 🙂.topology.yaml');
  });

  it('escapes line breaks and bidi characters in messages, without quoting', () => {
    assert.equal(oneLine('Unknown `a\nb` \u202e'), 'Unknown `a\\nb` \\u202e');
    assert.equal(oneLine('plain message'), 'plain message');
  });

  it('GitHub workflow command escaping follows @actions/core', () => {
    assert.equal(escapeData('50% done\r\nnext: a,b'), '50%25 done%0D%0Anext: a,b');
    assert.equal(escapeProperty('dir:a,b/50%\n.yaml'), 'dir%3Aa%2Cb/50%25%0A.yaml');
  });
});
