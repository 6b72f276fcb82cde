/**
 * JSON.parse nests as deep as its input (V8's parser does not recurse), but the code that walks a
 * parsed value does: an `exports` map or an archive header nested 100,000 deep overflows the stack
 * of any recursive reader. A repository's JSON is checked here, once, before any walker sees it.
 */

/** Real package.json, app.json and archive headers nest a handful of levels; a folder tree a few dozen. */
export const MAX_JSON_DEPTH = 256;

/** Thrown for a value nested deeper than the bound; its message is the reason a report shows. */
export class JsonTooDeepError extends Error {
  override name = 'JsonTooDeepError';
  constructor(readonly maxDepth: number) {
    super(`nested deeper than ${maxDepth} levels`);
  }
}

/** Throws a JsonTooDeepError when `value` nests arrays and objects deeper than `maxDepth`; iterative, so it cannot overflow itself. */
export function checkJsonDepth(value: unknown, maxDepth = MAX_JSON_DEPTH): void {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= maxDepth) throw new JsonTooDeepError(maxDepth);
    for (const inner of Object.values(next.value)) if (typeof inner === 'object' && inner !== null) pending.push({ value: inner, depth: next.depth + 1 });
  }
}
