/** A file the graph could not parse or resolve, with why; listed in the scan's stats. */
export interface Problem {
  file: string;
  reason: string;
}
