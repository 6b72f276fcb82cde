// The local scripts HTML pages load are client entries: every page's, whatever form its src takes.
import { describe, expect, it } from 'vitest';
import { MAX_HTML_PAGES } from '../../src/graph/entries.js';
import { pageScriptSources } from '../../src/graph/html-scripts.js';
import { analyseApp, packageJson } from './support.js';

describe('pageScriptSources', () => {
  it('takes each local src as written, without its query or fragment, in any quoting', () => {
    const html = [
      '<script type="module" src="/src/main.ts?v=3"></script>',
      "<script src='./rel.js#top'></script>",
      '<script src=plain.js defer></script>',
      '<script data-src="lazy.js" src="real.js"></script>',
      '<script src="https://cdn.example/x.js"></script>',
      '<script src="//cdn.example/y.js"></script>',
      '<script src="data:text/javascript,void 0"></script>',
      '<script>inline()</script>',
    ].join('\n');
    expect(pageScriptSources(html)).toEqual(['/src/main.ts', './rel.js', 'plain.js', 'real.js']);
  });

  it('stays linear in a page of unclosed script tags', () => {
    const html = '<script '.repeat(200_000);
    const started = performance.now();
    expect(pageScriptSources(html)).toEqual([]);
    // Quadratic scanning takes minutes here; linear, milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('HTML page entries', () => {
  it('resolves absolute sources from the package folder, relative ones from the page, queries dropped', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ vite: '6.0.0' }),
      'pages/about/index.html': '<script type="module" src="/src/about.ts?import"></script><script src="./local.js#x"></script>',
      'src/about.ts': `export const about = 1;\n`,
      'pages/about/local.js': `export const local = 1;\n`,
      'server/api.ts': `export const api = 1;\n`,
    });
    expect(analysis.exposureOf('src/about.ts').chain).toEqual(['src/about.ts (Vite entry in pages/about/index.html)']);
    expect(analysis.exposureOf('pages/about/local.js').chain).toEqual(['pages/about/local.js (Vite entry in pages/about/index.html)']);
    expect(analysis.exposureOf('server/api.ts').exposure).toBe('server');
  });

  it('makes the pages themselves client: those that load local scripts, and the pages beside a Vite package.json, inline scripts and all', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ vite: '6.0.0' }),
      'index.html': '<script>window.ENGIUM = "inline";</script>',
      'pages/about/index.html': '<script type="module" src="/src/about.ts"></script>',
      'src/about.ts': `export const about = 1;\n`,
      'emails/welcome.html': '<p>Welcome</p>',
      'mailer/package.json': packageJson({ nodemailer: '6.0.0' }),
      'mailer/receipt.html': '<p>Receipt</p>',
    });
    expect(analysis.exposureOf('index.html').chain).toEqual(['index.html (page Vite serves and builds)']);
    expect(analysis.exposureOf('pages/about/index.html').chain).toEqual(['pages/about/index.html (page that loads src/about.ts)']);
    // A page nothing serves and that loads no script of the repository may be a template: no verdict.
    expect(analysis.exposureOf('emails/welcome.html').exposure).not.toBe('client');
    expect(analysis.exposureOf('mailer/receipt.html').exposure).not.toBe('client');
  });

  it('reads the shallowest pages of a repository with more than it reads, and names the rest as a problem', async () => {
    const docs = Object.fromEntries(Array.from({ length: MAX_HTML_PAGES }, (_, index) => [`docs/api/p${index}.html`, '<script src="../../site.js"></script>']));
    const analysis = await analyseApp({ ...docs, 'index.html': '<script src="main.js"></script>', 'main.js': `export const main = 1;\n`, 'site.js': `export const site = 1;\n` });
    expect(analysis.exposureOf('main.js').chain).toEqual(['main.js (script in index.html)']);
    expect(analysis.problems.map(({ reason }) => reason)).toContain(`one of ${MAX_HTML_PAGES + 1} HTML pages; only the ${MAX_HTML_PAGES} shallowest are read for the scripts they load`);
  });
});
