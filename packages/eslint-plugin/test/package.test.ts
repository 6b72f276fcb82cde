// The package as a whole, as eslint-plugin-unicorn checks its own: every rule exported,
// documented, tested, in the configs its docs claim, with a docs URL to its page.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { ruleDocsUrl } from '../src/util/create-rule.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ruleFiles = readdirSync(join(root, 'src/rules'))
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .map((name) => name.replace(/\.ts$/, ''));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

describe('the plugin', () => {
  it('names itself, with a version and namespace', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: '@engium' });
  });

  it('exports every rule file, and nothing else', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([...ruleFiles].sort());
  });

  it('configs hold the plugin itself and lint JS, JSX, TS and TSX', () => {
    for (const config of Object.values(plugin.configs)) {
      expect(config.plugins?.['@engium']).toBe(plugin);
      for (const extension of ['js', 'jsx', 'ts', 'tsx']) expect(config.files?.[0]).toContain(extension);
    }
    expect(plugin.configs.recommendedTypeChecked.languageOptions?.parserOptions).toMatchObject({ projectService: true });
  });
});

describe.each(ruleFiles)('rule %s', (name) => {
  const rule = plugin.rules[name as keyof typeof plugin.rules];
  const docs = rule.meta.docs!;

  it('has a description, a docs URL to its page, and that page', () => {
    expect(docs.description).toMatch(/^[A-Z]/);
    expect(docs.url).toBe(ruleDocsUrl(name));
    expect(existsSync(join(root, `docs/rules/${name}.md`))).toBe(true);
  });

  it('has a test file', () => {
    expect(existsSync(join(root, `test/rules/${name}.test.ts`))).toBe(true);
  });

  it('is in the configs its docs claim, with their options', () => {
    const id = `@engium/${name}`;
    const { recommended, strict, recommendedTypeChecked } = plugin.configs;
    if (!docs.recommended) {
      expect(recommended.rules?.[id]).toBeUndefined();
      return;
    }
    expect(recommended.rules?.[id]).toBe('error');
    expect(strict.rules?.[id]).toEqual(docs.strictOptions ? ['error', docs.strictOptions] : 'error');
    expect(recommendedTypeChecked.rules?.[id]).toEqual(docs.typeCheckedOptions ? ['error', docs.typeCheckedOptions] : 'error');
  });

  it('documents its options and their defaults in meta', () => {
    const schema = rule.meta.schema as readonly { properties?: Record<string, { description?: string }> }[];
    expect(Array.isArray(schema)).toBe(true);
    expect(rule.meta.defaultOptions).toHaveLength(schema.length);
    for (const item of schema) {
      for (const [option, property] of Object.entries(item.properties ?? {})) {
        expect(property.description, `${name}: option ${option} has a description`).toBeTruthy();
      }
    }
  });
});

describe('README', () => {
  it('rules table is what eslint-doc-generator generates (eslint-doc-generator --check)', () => {
    // Checks the README's rules list and every rule page's generated header and options list.
    expect(existsSync(join(root, 'dist/index.js')), 'build first: npx tsc -b').toBe(true);
    const bin = join(root, '../../node_modules/eslint-doc-generator/dist/bin/eslint-doc-generator.js');
    expect(() => execFileSync(process.execPath, [bin, '--check'], { cwd: root, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });
});
