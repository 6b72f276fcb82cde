// Reads `git log -p` / `git diff` output one line at a time and reports the lines each change
// adds, with their path and line number in the new file. It never looks back: memory stays flat
// whatever the size of the history.
import { isWrappedBase64Line } from '@engium/core';
import { splitLines } from './lines.js';
import { pathFromDiffGitLine, unquotePath, withoutPrefix } from './quoted-path.js';
import { asciiCodeUnits, isTextByName } from '../analyse/text-encoding.js';
import { nameFromBytes } from '../discover/byte-names.js';

export interface CommitHeader {
  sha: string;
  parents: string[];
  /** `Name <email>`. */
  author: string;
  /** ISO 8601, as git wrote it. */
  date: string;
}

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied';

export interface FileChange {
  /** POSIX path on the new side, relative to where git ran. */
  path: string;
  /** The old path of a rename or copy. */
  oldPath?: string;
  status: FileStatus;
  /**
   * Git said so (`Binary files … differ`), or, since we ask for every diff as text, an added line
   * holds a NUL in a file that is not text by its name: the same rule as the directory scan's.
   * Keys seen in the file before that line are dropped by the visitor when the file is done.
   */
  binary: boolean;
  /**
   * The new side may be UTF-16 or UTF-32 text, which a diff cuts at each 0x0A byte into pieces
   * that do not decode on their own: a byte-order mark opens its line 1, or an added line opens
   * with ASCII code units (a NUL every other byte, as in no line of UTF-8 text). Such a file is read
   * whole from its blob, whose bytes decide (Unicode text, or binary) whatever `binary` says.
   */
  unicodeText: boolean;
  /**
   * An added line is a line of wrapped base64 (64 or 76 base64 characters): a key encoded in it may
   * run on to the next line, which only a reader of the whole block sees. The file is read whole.
   */
  wrappedBase64: boolean;
  /** The new side's blob id from the `index` line (full with `--full-index`). */
  blob?: string;
  /** The old side's blob ids from the `index` line (one per parent of a combined diff; none for a new file). */
  oldBlobs?: string[];
  /** Bytes of the lines this change adds (of every window, for a huge line), counted whether handed on or not. */
  addedBytes: number;
}

export interface AddedLine {
  file: FileChange;
  /** 1-based line number in the new file. */
  line: number;
  /** The added text without the diff's prefix column(s). */
  bytes: Buffer;
  /** 0-based byte offset of `bytes` in the line: non-zero only for windows of a huge line. */
  offset: number;
  /** The line before it in the new file, when the hunk shows it (for `engium-ignore` on the line above). */
  previous?: Buffer;
  /** False when the line certainly holds no key (see lines.ts). */
  mayHoldKey: boolean;
}

export interface PatchVisitor {
  commit?(header: CommitHeader): void;
  /** Every added line, or with `keyLinesOnly` only those that may hold a key. */
  added(line: AddedLine): void;
  /** Called when a file's section ends, after all its added lines. */
  fileDone?(file: FileChange): void;
  /** A path git shows no diff for because a merge left it in conflict (`* Unmerged path …`). */
  unmerged?(path: string): void;
}

/** Our `--format`: a NUL-led line, which no diff line can start with, carrying fields split by NUL. */
export const COMMIT_FORMAT = 'tformat:%x00%H%x00%P%x00%an <%ae>%x00%aI';

const NUL = 0;
const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;
const BACKSLASH = 0x5c;
const AT = 0x40;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** First bytes of the header lines read: `diff`/`deleted`, `+++`, `new`, `rename`, `copy`, `index`, `Binary`, `GIT`, `* Unmerged`. */
const HEADER_STARTS: ReadonlySet<number> = new Set([...'d+nrciBG*'].map((char) => char.charCodeAt(0)));
const UNMERGED = '* Unmerged path ';

type State = 'between' | 'file-header' | 'hunk';

export interface PatchParserOptions {
  /**
   * Hand on only the added lines that may hold a key (the prefilter's verdict), the others being
   * counted in `FileChange.addedBytes` alone: most of a long history, read without an allocation.
   */
  keyLinesOnly?: boolean;
}

/** Code units of a line piece looked at to tell UTF-16 text: ASCII text has a NUL for every other byte. */
const UTF16_PROBE_UNITS = 16;

/** Whether `bytes[from, to)` opens with ASCII code units of UTF-16 (two at least), as far as it is looked at. */
function asciiUnits(bytes: Buffer, from: number, to: number, high: 0 | 1): boolean {
  const units = Math.min(UTF16_PROBE_UNITS, Math.floor((to - from) / 2));
  return units >= 2 && asciiCodeUnits(bytes, from, units, high);
}

/**
 * Whether an added line is a piece of UTF-16 text, as a diff cuts it at 0x0A bytes: a byte-order
 * mark opening line 1, or ASCII code units (a NUL every other byte, never in UTF-8 text), after
 * the NUL a little-endian LF leaves at the start of the next piece. Binary bytes rarely look so.
 */
function mayBeUnicodeLine(bytes: Buffer, from: number, to: number, line: number): boolean {
  const [b0, b1] = [bytes[from], bytes[from + 1]];
  if (line === 1 && ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff))) return true;
  if (b0 !== NUL && b1 !== NUL) return false;
  const little = b0 === NUL ? from + 1 : from;
  return asciiUnits(bytes, little, to, 1) || asciiUnits(bytes, from, to, 0);
}

/** Whether a change can only be read whole from its blob: Unicode text, or wrapped base64 whose keys run across lines. */
export function readsWholeBlob(file: FileChange): boolean {
  return file.unicodeText || file.wrappedBase64;
}

function holdsNul(bytes: Buffer, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (bytes[at] === NUL) return true;
  return false;
}

export class PatchParser {
  private state: State = 'between';
  private parentCount = 1;
  private file: FileChange | undefined;
  /** Number of diff columns: 1 for `diff --git`, one per parent for a combined (`--cc`) diff. */
  private columns = 1;
  private nextLine = 0;
  private lastAddedLine = 0;
  private lastPieceWasAdded = false;
  /** Whether a NUL in an added line makes the current file binary (it is not text by its name). */
  private nulMeansBinary = false;
  /** The previous line of the new file in this hunk, as `previousBytes[previousFrom, previousTo)`. */
  private previousBytes: Buffer | undefined;
  private previousFrom = 0;
  private previousTo = 0;
  private readonly keyLinesOnly: boolean;

  constructor(
    private readonly visitor: PatchVisitor,
    options: PatchParserOptions = {},
  ) {
    this.keyLinesOnly = options.keyLinesOnly ?? false;
  }

  /** Parses a whole patch stream (a git stdout), line by line as it comes, then ends. */
  async read(stream: AsyncIterable<Buffer>): Promise<void> {
    await splitLines(stream, (bytes, from, to, start, mayHoldKey) => this.pushLine(bytes, from, to, start, mayHoldKey));
    this.end();
  }

  /** One line (or window) as a LineSplitter hands it on: `bytes[from, to)`, at byte `start` of its line. */
  pushLine(bytes: Buffer, from: number, to: number, start: number, mayHoldKey: boolean): void {
    if (start > 0) {
      // A later window of a huge line: it continues whatever the line's first piece was.
      const file = this.file;
      if (this.lastPieceWasAdded && file) {
        file.addedBytes += to - from;
        if (mayHoldKey || !this.keyLinesOnly) {
          this.visitor.added({ file, line: this.lastAddedLine, bytes: bytes.subarray(from, to), offset: start - this.columns, mayHoldKey });
        }
      }
      return;
    }
    this.lastPieceWasAdded = false;
    if (this.state === 'hunk' && this.readHunkLine(bytes, from, to, mayHoldKey)) return;
    this.readHeaderLine(bytes, from, to);
  }

  end(): void {
    this.closeFile();
  }

  /** Handles a line inside a hunk; false when the line is not hunk content (the hunk has ended). */
  private readHunkLine(bytes: Buffer, from: number, to: number, mayHoldKey: boolean): boolean {
    const columns = this.columns;
    if (to === from) return false;
    if (bytes[from] === BACKSLASH) return true; // "\ No newline at end of file"
    if (to - from < columns) return false;
    let added = true;
    let inResult = true;
    for (let column = 0; column < columns; column++) {
      const mark = bytes[from + column];
      if (mark === MINUS) inResult = false;
      else if (mark !== PLUS && mark !== SPACE) return false;
      if (mark !== PLUS) added = false;
    }
    if (!inResult) return true;
    const textFrom = from + columns;
    const file = this.file;
    if (added && file) {
      file.addedBytes += to - textFrom;
      if (!file.unicodeText && mayBeUnicodeLine(bytes, textFrom, to, this.nextLine)) file.unicodeText = true;
      if (!file.wrappedBase64 && isWrappedBase64Line(bytes, textFrom, to)) file.wrappedBase64 = true;
      if (this.nulMeansBinary && !file.binary && holdsNul(bytes, textFrom, to)) file.binary = true;
      if (mayHoldKey || !this.keyLinesOnly) {
        const previous = this.previousBytes?.subarray(this.previousFrom, this.previousTo);
        this.visitor.added({ file, line: this.nextLine, bytes: bytes.subarray(textFrom, to), offset: 0, previous, mayHoldKey });
      }
      this.lastAddedLine = this.nextLine;
      this.lastPieceWasAdded = true;
    }
    this.previousBytes = bytes;
    this.previousFrom = textFrom;
    this.previousTo = to;
    this.nextLine++;
    return true;
  }

  private readHeaderLine(bytes: Buffer, from: number, to: number): void {
    const first = bytes[from];
    if (first === NUL) {
      this.closeFile();
      this.state = 'between';
      const [sha = '', parents = '', author = '', date = ''] = bytes.toString('utf8', from + 1, to).split('\0');
      const parentList = parents.split(' ').filter(Boolean);
      this.parentCount = Math.max(1, parentList.length);
      this.visitor.commit?.({ sha, parents: parentList, author, date });
      return;
    }
    if (first === AT) {
      if (this.file) this.startHunk(bytes, from, to);
      return;
    }
    // The other header lines read (below) start with one of these bytes; `---`, `similarity`,
    // `old mode` and the like are passed over undecoded.
    if (first === undefined || !HEADER_STARTS.has(first)) return;
    // Header lines are ASCII (paths in them are quoted), so latin1 decoding is exact and cheap.
    const text = bytes.toString('latin1', from, to);
    if (text.startsWith('diff --git ')) {
      this.openFile(1, pathFromDiffGitLine(text.slice('diff --git '.length)));
      return;
    }
    if (text.startsWith('diff --cc ') || text.startsWith('diff --combined ')) {
      this.openFile(this.parentCount, unquotePath(text.slice(text.indexOf(' ', 5) + 1)));
      return;
    }
    if (text.startsWith(UNMERGED)) {
      this.closeFile();
      this.state = 'between';
      // Not quoted by git: the name's bytes as they are, in the display form every path has.
      this.visitor.unmerged?.(nameFromBytes(bytes.subarray(from + UNMERGED.length, to)));
      return;
    }
    const file = this.file;
    if (!file || this.state !== 'file-header') return;
    if (text.startsWith('+++ ')) {
      const name = text.slice(4);
      if (name !== '/dev/null') file.path = withoutPrefix(unquotePath(name), 'b/');
    } else if (text.startsWith('new file mode')) file.status = 'added';
    else if (text.startsWith('deleted file mode')) file.status = 'deleted';
    else if (text.startsWith('rename from ')) {
      file.status = 'renamed';
      file.oldPath = unquotePath(text.slice('rename from '.length));
    } else if (text.startsWith('rename to ')) file.path = unquotePath(text.slice('rename to '.length));
    else if (text.startsWith('copy from ')) {
      file.status = 'copied';
      file.oldPath = unquotePath(text.slice('copy from '.length));
    } else if (text.startsWith('copy to ')) file.path = unquotePath(text.slice('copy to '.length));
    else if (text.startsWith('index ')) {
      const range = text.slice('index '.length).split(' ')[0] ?? '';
      const blob = range.slice(range.indexOf('..') + 2);
      if (blob && !/^0+$/.test(blob)) file.blob = blob;
      const oldBlobs = range.slice(0, Math.max(0, range.indexOf('..'))).split(',').filter((id) => id !== '' && !/^0+$/.test(id));
      if (oldBlobs.length > 0) file.oldBlobs = oldBlobs;
    } else if (text.startsWith('Binary files ') || text === 'GIT binary patch') file.binary = true;
  }

  private openFile(columns: number, path: string | undefined): void {
    this.closeFile();
    this.columns = columns;
    this.file = { path: path ?? '', status: 'modified', binary: false, unicodeText: false, wrappedBase64: false, addedBytes: 0 };
    this.state = 'file-header';
  }

  /** `@@ -a,b +c,d @@` or, combined, `@@@ -a,b -c,d +e,f @@@`: the new side starts at the `+` range's first number. */
  private startHunk(bytes: Buffer, from: number, to: number): void {
    let at = from;
    while (at < to && bytes[at] !== PLUS) at++;
    let line = 0;
    let digits = 0;
    for (at++; at < to && (bytes[at] as number) >= DIGIT_0 && (bytes[at] as number) <= DIGIT_9; at++, digits++) line = line * 10 + ((bytes[at] as number) - DIGIT_0);
    this.nextLine = digits > 0 ? line : 1;
    this.previousBytes = undefined;
    // The path is final once the headers are read: does a NUL in an added line make it binary?
    if (this.state === 'file-header' && this.file) this.nulMeansBinary = !isTextByName(this.file.path);
    this.state = 'hunk';
  }

  private closeFile(): void {
    if (this.file) this.visitor.fileDone?.(this.file);
    this.file = undefined;
    this.state = 'between';
  }
}
