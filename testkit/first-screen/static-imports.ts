/**
 * The modules a browser runs before the first screen, read from the sources: every static
 * import from the entry, followed through the renderer and src-shared, stopping at `import()`
 * (a lazy page). Used by `first-screen.test.ts` so a heavy package (zod) cannot creep back into
 * the entry bundle through an innocent-looking import of a constant (issue #23 target 7).
 *
 * With `verbatimModuleSyntax`, `import { type A } from './x'` still loads './x' (it becomes
 * `import {} from './x'`, kept for its side effects), so only `import type` counts as erased.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolveRelative(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  if (existsSync(base) && statSync(base).isFile()) return base;
  // src-shared is also compiled for Node, so its imports name the emitted '.js' file.
  if (base.endsWith('.js')) return resolveRelative(from, specifier.slice(0, -3));
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

/** The specifiers a file loads when it runs (type-only imports and exports left out). */
export function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (statement.importClause?.isTypeOnly) continue;
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      if (statement.isTypeOnly) continue;
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

/**
 * Every module reached from `entry`: local files by path, packages by name. `via` maps each
 * one to the file that first imported it, to print the chain when a test fails.
 */
export function staticGraph(entry: string): {
  files: Set<string>;
  packages: Map<string, string>;
  via: Map<string, string>;
} {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const via = new Map<string, string>();
  const queue = [path.resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file, specifier);
        if (target && !files.has(target)) {
          if (!via.has(target)) via.set(target, file);
          queue.push(target);
        }
      } else if (!packages.has(specifier)) {
        packages.set(specifier, file);
      }
    }
  }
  return { files, packages, via };
}

/** The import chain from the entry to `file`, for a readable failure. */
export function chainTo(via: Map<string, string>, file: string, root: string): string[] {
  const chain = [path.relative(root, file)];
  for (let at = via.get(file); at; at = via.get(at)) chain.unshift(path.relative(root, at));
  return chain;
}
