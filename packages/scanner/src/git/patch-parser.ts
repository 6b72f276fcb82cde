// Reads `git log -p` / `git diff` output one line at a time and reports the lines each change
// adds, with their path and line number in the new file. It never looks back: memory stays flat
// whatever the size of the history.
import type { LinePiece } from './lines.js';
import { pathFromDiffGitLine, unquotePath, withoutPrefix } from './quoted-path.js';
import { isTextByName } from '../analyse/text-encoding.js';

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
  /** The new side's blob id from the `index` line (full with `--full-index`). */
  blob?: string;
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
  added(line: AddedLine): void;
  /** Called when a file's section ends, after all its added lines. */
  fileDone?(file: FileChange): void;
}

/** Our `--format`: a NUL-led line, which no diff line can start with, carrying fields split by NUL. */
export const COMMIT_FORMAT = 'tformat:%x00%H%x00%P%x00%an <%ae>%x00%aI';

const NUL = 0;
const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;
const BACKSLASH = 0x5c;
const AT = 0x40;

type State = 'between' | 'file-header' | 'hunk';

export class PatchParser {
  private state: State = 'between';
  private parentCount = 1;
  private file: FileChange | undefined;
  /** Number of diff columns: 1 for `diff --git`, one per parent for a combined (`--cc`) diff. */
  private columns = 1;
  private nextLine = 0;
  private lastAddedLine = 0;
  private lastPieceWasAdded = false;
  private previousInResult: Buffer | undefined;

  constructor(private readonly visitor: PatchVisitor) {}

  push(piece: LinePiece): void {
    if (piece.start > 0) {
      // A later window of a huge line: it continues whatever the line's first piece was.
      if (this.lastPieceWasAdded && this.file) {
        this.visitor.added({ file: this.file, line: this.lastAddedLine, bytes: piece.bytes, offset: piece.start - this.columns, mayHoldKey: piece.mayHoldKey });
      }
      return;
    }
    this.lastPieceWasAdded = false;
    const bytes = piece.bytes;
    if (this.state === 'hunk' && this.readHunkLine(bytes, piece.mayHoldKey)) return;
    this.readHeaderLine(bytes);
  }

  end(): void {
    this.closeFile();
  }

  /** Handles a line inside a hunk; false when the line is not hunk content (the hunk has ended). */
  private readHunkLine(bytes: Buffer, mayHoldKey: boolean): boolean {
    const columns = this.columns;
    if (bytes.length === 0) return false;
    if (bytes[0] === BACKSLASH) return true; // "\ No newline at end of file"
    if (bytes.length < columns) return false;
    let added = true;
    let inResult = true;
    for (let column = 0; column < columns; column++) {
      const mark = bytes[column];
      if (mark === MINUS) inResult = false;
      else if (mark !== PLUS && mark !== SPACE) return false;
      if (mark !== PLUS) added = false;
    }
    if (!inResult) return true;
    const text = bytes.subarray(columns);
    if (added && this.file && !this.file.binary && text.includes(NUL) && !isTextByName(this.file.path)) this.file.binary = true;
    if (added && this.file) {
      this.visitor.added({ file: this.file, line: this.nextLine, bytes: text, offset: 0, previous: this.previousInResult, mayHoldKey });
      this.lastAddedLine = this.nextLine;
      this.lastPieceWasAdded = true;
    }
    this.previousInResult = text;
    this.nextLine++;
    return true;
  }

  private readHeaderLine(bytes: Buffer): void {
    if (bytes[0] === NUL) {
      this.closeFile();
      this.state = 'between';
      const [sha = '', parents = '', author = '', date = ''] = bytes.toString('utf8', 1).split('\0');
      const parentList = parents.split(' ').filter(Boolean);
      this.parentCount = Math.max(1, parentList.length);
      this.visitor.commit?.({ sha, parents: parentList, author, date });
      return;
    }
    if (bytes[0] === AT && this.file) {
      this.startHunk(bytes.toString('latin1'));
      return;
    }
    // Header lines are ASCII (paths in them are quoted), so latin1 decoding is exact and cheap.
    const text = bytes.toString('latin1');
    if (text.startsWith('diff --git ')) {
      this.openFile(1, pathFromDiffGitLine(text.slice('diff --git '.length)));
      return;
    }
    if (text.startsWith('diff --cc ') || text.startsWith('diff --combined ')) {
      this.openFile(this.parentCount, unquotePath(text.slice(text.indexOf(' ', 5) + 1)));
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
    } else if (text.startsWith('Binary files ') || text === 'GIT binary patch') file.binary = true;
  }

  private openFile(columns: number, path: string | undefined): void {
    this.closeFile();
    this.columns = columns;
    this.file = { path: path ?? '', status: 'modified', binary: false };
    this.state = 'file-header';
  }

  private startHunk(header: string): void {
    // `@@ -a,b +c,d @@` or, combined, `@@@ -a,b -c,d +e,f @@@`: the new side is the `+` range.
    const match = /\+(\d+)(?:,\d+)? @@/.exec(header);
    this.nextLine = match ? Number(match[1]) : 1;
    this.previousInResult = undefined;
    this.state = 'hunk';
  }

  private closeFile(): void {
    if (this.file) this.visitor.fileDone?.(this.file);
    this.file = undefined;
    this.state = 'between';
  }
}
