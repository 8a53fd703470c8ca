// Every way a source file can name another file: static imports and re-exports (`import
// type` too), `import()` calls and `import('…')` types, `new URL('…', import.meta.url)`, and
// any other string that is a relative path. Parsed with the TypeScript compiler, so comments
// and look-alike text never count.
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

export type ReferenceKind = 'import' | 'import()' | 'new URL()' | 'path string';

export interface ModuleReference {
  kind: ReferenceKind;
  /** The specifier's source text (a literal's value, or the whole expression). */
  text: string;
  line: number;
  /**
   * Repository-relative path a relative literal points at; for a template, where its literal
   * head points (`../x/${v}` → `x/`). Undefined for anything else.
   */
  target?: string;
}

const isPathLike = (text: string) => /^\.\.?\//.test(text);
const TREE = /^(katas|solutions)(\/|$)/;

function literalText(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : undefined;
}

/** `'../x'`, `` `../${a}/x` ``, or a tree's name as a path segment (`join(root, 'katas')`). */
function isPathString(node: ts.Node): boolean {
  if (ts.isTemplateExpression(node)) return isPathLike(node.head.text);
  const literal = literalText(node);
  return literal !== undefined && (isPathLike(literal) || TREE.test(literal));
}

/** The references in `source`, a file at `file` (absolute) inside `root`. */
export function moduleReferences(source: string, file: string, root: string): ModuleReference[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: ModuleReference[] = [];
  const add = (kind: ReferenceKind, node: ts.Node) => {
    const literal = literalText(node);
    const text = literal ?? node.getText(sourceFile);
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    const head = literal ?? (ts.isTemplateExpression(node) ? node.head.text : undefined);
    const target =
      head !== undefined && isPathLike(head)
        ? relative(root, resolve(dirname(file), head)) + (head.endsWith('/') ? '/' : '')
        : undefined;
    found.push({ kind, text, line: line + 1, target });
  };
  /** The specifier a node names, if it is a reference; its text is not searched again. */
  const specifier = (node: ts.Node): [ReferenceKind, ts.Node] | undefined => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      return ['import', node.moduleSpecifier];
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      return ['import', node.argument.literal];
    }
    const first = (ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.[0];
    if (first && node.expression.kind === ts.SyntaxKind.ImportKeyword) return ['import()', first];
    if (first && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      return ['new URL()', first];
    }
    return isPathString(node) ? ['path string', node] : undefined;
  };
  const visit = (node: ts.Node): void => {
    const reference = specifier(node);
    if (reference) add(...reference);
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Why a reference reaches into katas/ or solutions/ (or can, when computed), else undefined. */
export function intoExercises(reference: ModuleReference): string | undefined {
  const { target, text } = reference;
  if (target !== undefined && TREE.test(target)) return `points into ${target}`;
  if (text.startsWith('@target/')) return 'imports @target/, which only vitest resolves';
  if (TREE.test(text)) return 'names the tree as a path segment';
  // A computed path that names the trees (`../${kata ? 'katas' : 'solutions'}/…`).
  if (/(^|[/'"`])(katas|solutions)([/'"`]|$)/.test(text)) {
    return 'builds a path into katas/ or solutions/';
  }
  return undefined;
}

/** A relative path that means the repository's node_modules/ but climbs too few folders. */
export function missesNodeModules(reference: ModuleReference): string | undefined {
  const { target } = reference;
  if (target === undefined || !/(^|\/)node_modules(\/|$)/.test(target)) return undefined;
  return target.startsWith('node_modules') ? undefined : `reaches ${target}, not node_modules/`;
}
