import { findKeys, isKey, redact, searchNeedles, SUGGESTED_ENV_VARIABLE, type KeyOccurrence } from '@engium/core';
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { bindingInit, unwrap, type Scope } from '../analysis/static.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'hardcodedKey' | 'readFromEnv';

const ENV_EXPRESSION = `process.env.${SUGGESTED_ENV_VARIABLE}`;

/** A string-building expression ESLint may fold: `a + b`, or a template with expressions. */
type Composite = TSESTree.BinaryExpression | TSESTree.TemplateLiteral;

function operands(node: Composite): TSESTree.Node[] {
  return node.type === AST_NODE_TYPES.BinaryExpression ? [node.left, node.right] : node.expressions;
}

function isComposite(node: TSESTree.Node | undefined): node is Composite {
  return (
    (node?.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') ||
    (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length > 0)
  );
}

export default createRule<[], MessageIds>({
  name: 'no-hardcoded-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Engium API keys written into source code',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      hardcodedKey:
        'Engium {{kind}} key {{redacted}} is hard-coded; anyone who can read this file can use it. Read it from {{env}} on the server, and rotate this key (Settings → Developer → API Keys).',
      readFromEnv: 'Read the key from {{env}} instead.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const { sourceCode } = context;
    // One pass of core's needle search over the file, with the scanner's definitions: literals
    // and comments can only hold a key where a needle is, and an expression can only put one
    // together from a string that opens with `eng` and ends within a key prefix's length
    // (`'eng_live_' + body`, `` `eng_${kind}_…` ``). Needles are ASCII and latin1 keeps every
    // ASCII character in place, so searching those bytes misses nothing the text holds.
    const { needles, quotedPrefix } = searchNeedles(Buffer.from(sourceCode.text, 'latin1'));
    const textMayHoldKey = needles.length > 0;
    if (!textMayHoldKey && !quotedPrefix) return {};

    function report(node: TSESTree.Node | TSESTree.Comment, occurrence: KeyOccurrence, loc: TSESTree.SourceLocation | undefined, replacement?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix): void {
      context.report({
        node: node as TSESTree.Node,
        loc: loc ?? node.loc,
        messageId: 'hardcodedKey',
        data: { kind: occurrence.kind, redacted: redact(occurrence.key), env: ENV_EXPRESSION },
        suggest: replacement ? [{ messageId: 'readFromEnv', data: { env: ENV_EXPRESSION }, fix: replacement }] : [],
      });
    }

    /** Keys in the raw text of a token, each reported where it is written. */
    function reportInText(node: TSESTree.Node | TSESTree.Comment, cooked: string | undefined, fix?: (occurrence: KeyOccurrence) => ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined): void {
      const [start] = node.range;
      const raw = sourceCode.text.slice(start, node.range[1]);
      const inRaw = findKeys(raw);
      for (const occurrence of inRaw) {
        const loc = { start: sourceCode.getLocFromIndex(start + occurrence.index), end: sourceCode.getLocFromIndex(start + occurrence.index + occurrence.length) };
        report(node, occurrence, loc, fix?.(occurrence));
      }
      // Escapes such as `eng\u005flive_…` only form the key once the string is read.
      if (inRaw.length === 0 && cooked !== undefined) {
        for (const occurrence of findKeys(cooked)) report(node, occurrence, undefined, fix?.(occurrence));
      }
    }

    function literalFix(node: TSESTree.Literal, value: string, occurrence: KeyOccurrence): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
      if (occurrence.encoding !== 'plain' || !isExpressionPosition(node)) return undefined;
      const inJsx = node.parent?.type === AST_NODE_TYPES.JSXAttribute;
      if (isKey(value)) return (fixer) => fixer.replaceText(node, inJsx ? `{${ENV_EXPRESSION}}` : ENV_EXPRESSION);
      if (inJsx) return undefined;
      const at = value.indexOf(occurrence.key);
      if (at === -1) return undefined;
      const escape = (text: string): string => text.replace(/[\\`$]/g, (char) => `\\${char}`);
      const template = `\`${escape(value.slice(0, at))}\${${ENV_EXPRESSION}}${escape(value.slice(at + occurrence.key.length))}\``;
      return (fixer) => fixer.replaceText(node, template);
    }

    /**
     * A key that only exists once the expression is evaluated (`'eng_' + 'live_' + body`, a
     * template over constants). Reported on the smallest expression that forms it: one whose
     * operands do not already hold it whole, so a key is reported once, where it is put together.
     */
    function checkComposite(node: Composite): void {
      const scope = sourceCode.getScope(node);
      const value = ASTUtils.getStaticValue(node, scope);
      if (!value || typeof value.value !== 'string' || !value.value.includes('_')) return;
      const held = new Set<string>();
      for (const operand of operands(node)) {
        const part = ASTUtils.getStaticValue(operand, scope);
        if (part && typeof part.value === 'string') for (const { key } of findKeys(part.value)) held.add(key);
      }
      // A template's text between expressions is reported where it is written (TemplateElement).
      if (node.type === AST_NODE_TYPES.TemplateLiteral) for (const quasi of node.quasis) for (const { key } of findKeys(quasi.value.cooked ?? '')) held.add(key);
      for (const occurrence of findKeys(value.value)) {
        if (held.has(occurrence.key)) continue;
        held.add(occurrence.key);
        const whole = isKey(value.value) && occurrence.encoding === 'plain';
        report(node, occurrence, undefined, whole ? (fixer) => fixer.replaceText(node, ENV_EXPRESSION) : undefined);
      }
    }

    const composites = {
      BinaryExpression(node: TSESTree.BinaryExpression) {
        if (isComposite(node) && !isComposite(node.parent)) checkAll(node);
      },
      TemplateLiteral(node: TSESTree.TemplateLiteral) {
        if (isComposite(node) && !isComposite(node.parent)) checkAll(node);
      },
    };
    if (!textMayHoldKey) return composites;
    return {
      ...composites,
      Literal(node) {
        // A regular expression's source holds a key as plainly as a string does (`/eng_live_…/`).
        if ('regex' in node && node.regex) return reportInText(node, undefined);
        if (typeof node.value !== 'string') return;
        const value = node.value;
        reportInText(node, value, (occurrence) => literalFix(node, value, occurrence));
      },
      TemplateElement(node) {
        reportInText(node, node.value.cooked ?? undefined);
      },
      JSXText(node) {
        reportInText(node, node.value);
      },
      Identifier(node) {
        // `{ eng_live_…: true }`: a key written as a property name.
        if (node.name.includes('_') && node.parent?.type === AST_NODE_TYPES.Property && node.parent.key === node) reportInText(node, undefined);
      },
      Program() {
        for (const comment of sourceCode.getAllComments()) reportInText(comment, undefined);
      },
    };

    /** Checks an outermost composite and, only when its value holds a key, the composites inside it. */
    function checkAll(outer: Composite): void {
      if (!mayBeStaticString(outer, sourceCode.getScope(outer), 0)) return;
      const value = ASTUtils.getStaticValue(outer, sourceCode.getScope(outer));
      if (!value || typeof value.value !== 'string' || findKeys(value.value).length === 0) return;
      const pending: TSESTree.Node[] = [outer];
      while (pending.length > 0) {
        const node = pending.pop()!;
        if (isComposite(node)) {
          checkComposite(node);
          pending.push(...operands(node));
        }
      }
    }
  },
});

/** Positions where a string literal may be replaced by an expression (not a property name, a type or a module specifier). */
function isExpressionPosition(node: TSESTree.Literal): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if ('key' in parent && parent.key === node && !('computed' in parent && parent.computed)) return false;
  if (parent.type === AST_NODE_TYPES.TSEnumMember && parent.id === node) return false;
  return ![
    AST_NODE_TYPES.TSLiteralType,
    AST_NODE_TYPES.ImportDeclaration,
    AST_NODE_TYPES.ExportAllDeclaration,
    AST_NODE_TYPES.ExportNamedDeclaration,
    AST_NODE_TYPES.ImportExpression,
    AST_NODE_TYPES.TSExternalModuleReference,
    AST_NODE_TYPES.TSModuleDeclaration,
    AST_NODE_TYPES.ImportAttribute,
  ].includes(parent.type);
}

/**
 * A cheap look at an expression's shape before asking ESLint to evaluate it: only literals,
 * templates, `+` and same-file constants of those can fold into a string. Skipping the rest
 * (calls, member reads) keeps evaluation off the hot path of ordinary code.
 */
function mayBeStaticString(node: TSESTree.Node, scope: Scope, depth: number): boolean {
  if (depth > 8) return false;
  const inner = unwrap(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.every((expression) => mayBeStaticString(expression, scope, depth + 1));
    case AST_NODE_TYPES.BinaryExpression:
      return inner.operator === '+' && mayBeStaticString(inner.left, scope, depth + 1) && mayBeStaticString(inner.right, scope, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const init = bindingInit(inner, scope);
      return init !== undefined && mayBeStaticString(init, scope, depth + 1);
    }
    default:
      return false;
  }
}
