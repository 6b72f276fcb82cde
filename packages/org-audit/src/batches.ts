import type { AuditedRepository } from './repositories.js';
import type { AuditState } from './state.js';

/** GitHub runs at most 256 jobs from one matrix. */
export const MATRIX_JOB_LIMIT = 256;

/** One repository as the matrix job receives it. */
export interface RepositoryTarget {
  repository: string;
  ref: string;
  /** Scan history from this commit (exclusive); absent: the whole history. */
  since?: string;
}

export interface Batch {
  /** Stable, artifact-safe name (`batch-001`). */
  id: string;
  repositories: RepositoryTarget[];
}

export interface MatrixPlan {
  batches: Batch[];
  /** How many repositories the batches hold. */
  repositoryCount: number;
  /** Repositories with no commits: left out of the batches (nothing to check out or scan). */
  empty: string[];
  /** `max-parallel` for the matrix over batches and for the matrix inside each batch: their product is the limit asked for. */
  batchParallel: number;
  repositoryParallel: number;
}

export interface PlanOptions {
  /** How many repository scans may run at once, over the whole run. */
  maxParallel: number;
  /** Scan every repository's whole history, whatever the state says. */
  fullRescan: boolean;
}

/**
 * Lays the repositories out for the workflow: a matrix over batches, each batch a reusable-workflow
 * call whose own matrix has one job per repository. Each level stays within GitHub's 256-job
 * matrix limit, so one run covers up to 256 × 256 repositories; batches are as few and as even as
 * that allows.
 */
export function planMatrix(repositories: readonly AuditedRepository[], state: AuditState, options: PlanOptions): MatrixPlan {
  const capacity = MATRIX_JOB_LIMIT * MATRIX_JOB_LIMIT;
  const empty = repositories.filter((repository) => repository.empty).map(({ repository }) => repository);
  const scanned = repositories.filter((repository) => !repository.empty);
  if (scanned.length > capacity) {
    throw new Error(`${scanned.length} repositories exceed one run's ${capacity} (256 batches of 256): narrow the selection by topic or name pattern and run it in parts`);
  }
  const targets = scanned.map(({ repository, defaultBranch }): RepositoryTarget => {
    const since = options.fullRescan ? undefined : state.repositories[repository]?.commit;
    return since ? { repository, ref: defaultBranch, since } : { repository, ref: defaultBranch };
  });
  const batchCount = Math.max(1, Math.ceil(targets.length / MATRIX_JOB_LIMIT));
  const size = Math.ceil(targets.length / batchCount);
  const batches: Batch[] = [];
  for (let index = 0; index * size < targets.length; index++) {
    batches.push({ id: `batch-${String(index + 1).padStart(3, '0')}`, repositories: targets.slice(index * size, (index + 1) * size) });
  }
  const maxParallel = Math.max(1, Math.floor(options.maxParallel));
  const repositoryParallel = Math.max(1, Math.min(maxParallel, size || 1, MATRIX_JOB_LIMIT));
  const batchParallel = Math.max(1, Math.min(Math.floor(maxParallel / repositoryParallel), batches.length || 1));
  return { batches, repositoryCount: targets.length, empty, batchParallel, repositoryParallel };
}

/** The plan as the list job hands it to the fan-in (an artifact): what was sent out, and what was skipped. */
export interface PlanFile {
  batches: Batch[];
  empty: string[];
}
