#!/usr/bin/env node
// Proves the core is pure (CONVENTIONS habit 1): every non-test source file in packages/core/src imports
// only relative files and never reads the clock, randomness, the environment or the console; and
// packages/core/package.json declares no dependencies. Parses with the TypeScript compiler, so
// comments and strings never trigger a finding. Prints `file:line:col message` and exits 1 on findings.
// Usage: node scripts/check-core-purity.mjs [package-dir]   (default packages/core)
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const coreDir = resolve(process.argv[2] ?? join(root, 'packages', 'core'));
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const TEST = /\.(test|spec)\.[cm]?[jt]sx?$/;

/** Member accesses that read the clock, randomness, the environment or write output. */
const FORBIDDEN_MEMBERS = new Map([
  ['Date.now', 'reads the clock: take the instant as an argument'],
  ['performance.now', 'reads the clock: take the instant as an argument'],
  ['Math.random', 'is random: take ids or seeds as arguments'],
  ['crypto.randomUUID', 'is random: take ids or seeds as arguments'],
  ['crypto.getRandomValues', 'is random: take ids or seeds as arguments'],
  ['process.env', 'reads the environment: take configuration as arguments'],
  ['globalThis.process', 'reaches the process: take configuration as arguments'],
]);

/** All source files under `dir`, recursively, test files excluded. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) && !TEST.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function isRelative(specifier) {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/** The dotted name of an expression such as `Date.now` or `console`, or null when it is not a plain name chain. */
function dottedName(node) {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) {
    const left = dottedName(node.expression);
    return left === null ? null : `${left}.${node.name.text}`;
  }
  return null;
}

function checkFile(path) {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const findings = [];
  const report = (node, message) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push(`${relative(root, path)}:${line + 1}:${character + 1} ${message}`);
  };
  const checkSpecifier = (node, specifier) => {
    if (specifier && ts.isStringLiteralLike(specifier) && !isRelative(specifier.text)) {
      report(node, `imports '${specifier.text}': core may import only its own relative files`);
    }
  };

  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      checkSpecifier(node, node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      checkSpecifier(node, node.moduleReference.expression);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        const [first] = node.arguments;
        if (first && ts.isStringLiteralLike(first)) checkSpecifier(node, first);
        else report(node, 'loads a module by a computed name: core may import only its own relative files');
      }
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) checkSpecifier(node, arg.literal);
    } else if (ts.isNewExpression(node) && dottedName(node.expression) === 'Date' && (node.arguments?.length ?? 0) === 0) {
      report(node, 'new Date() without arguments reads the clock: take the instant as an argument');
    } else if (ts.isPropertyAccessExpression(node)) {
      const name = dottedName(node);
      const reason = name === null ? undefined : FORBIDDEN_MEMBERS.get(name);
      if (reason) report(node, `${name} ${reason}`);
      else if (name !== null && /^console\.[^.]+$/.test(name)) report(node, `${name} writes output: return values instead`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

function checkManifest() {
  const path = join(coreDir, 'package.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const fields = ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies'];
  return fields.flatMap((field) => {
    const value = manifest[field];
    const names = Array.isArray(value) ? value : Object.keys(value ?? {});
    return names.length > 0 ? [`${relative(root, path)}: ${field} must be empty, found ${names.join(', ')}`] : [];
  });
}

const files = sourceFiles(join(coreDir, 'src'));
const findings = [...files.flatMap(checkFile), ...checkManifest()];
if (findings.length > 0) {
  console.error(`core purity: ${findings.length} finding(s)`);
  for (const finding of findings) console.error(`  ${finding}`);
  process.exit(1);
}
console.log(`core purity: ${files.length} files checked, no imports outside core, no clock, randomness, env or console`);
