// The build-output half of the analysis, without TypeScript: the repository's package.json files and
// the framework folder rules. The classify step uses it alone when no finding needs the module graph
// (a tree of build output only), and the graph builds on it.
import { buildExposure, type BuildContext } from './build-exposure.js';
import { BuildLayouts } from './build-layout.js';
import { loadPackages, type PackageInfo } from './packages.js';
import { RootPaths } from './paths.js';
import type { ModuleExposure, Problem } from './types.js';

export interface BuildOutputAnalysis {
  paths: RootPaths;
  packages: PackageInfo[];
  layouts: BuildLayouts;
  /** Exposure of a built file from the folder rules, package.json and the bundle itself. */
  buildExposure(file: string, mappedSources: readonly string[]): ModuleExposure;
  problems: Problem[];
}

/** `files`: what the discover step found outside build folders (package.json and config files among them). */
export function analyseBuildOutput(root: string, files: readonly string[]): BuildOutputAnalysis {
  const paths = new RootPaths(root);
  const problems: Problem[] = [];
  const packages = loadPackages(paths, files, problems);
  const layouts = new BuildLayouts(paths, packages, files);
  const context: BuildContext = { paths, packages, layouts };
  return { paths, packages, layouts, buildExposure: (file, mappedSources) => buildExposure(context, file, mappedSources), problems };
}
