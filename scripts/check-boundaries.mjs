#!/usr/bin/env node
/**
 * Lint rules that Biome cannot express (DESIGN.md §10, SECURITY.md API-04, CRY-02):
 * - imports flow one way between packages; web features never import each other;
 * - no `sql.raw` or string-built SQL (API-04);
 * - no Math.random outside tests and benchmarks (CRY-02: secrets come from the CSPRNG).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ALLOWED = {
  domain: [],
  contract: ['domain'],
  db: ['domain'],
  server: ['domain', 'db', 'contract'],
  web: ['contract', 'domain'],
  cli: ['domain', 'db', 'contract', 'server'],
};

const root = process.cwd();
const problems = [];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

for (const pkg of Object.keys(ALLOWED)) {
  const dir = join(root, 'packages', pkg, 'src');
  let files = [];
  try {
    files = walk(dir);
  } catch {
    continue;
  }
  for (const file of files) {
    const rel = relative(root, file);
    const text = readFileSync(file, 'utf8');
    const isTest = /\.test\.tsx?$/.test(file) || rel.includes(`${sep}testing${sep}`);
    for (const m of text.matchAll(/from\s+['"]@tandem\/([a-z]+)/g)) {
      const target = m[1];
      if (target !== pkg && !ALLOWED[pkg].includes(target)) {
        problems.push(`${rel}: package "${pkg}" may not import "@tandem/${target}"`);
      }
    }
    if (pkg === 'web') {
      const feature = rel
        .split(sep)
        .slice(0, 5)
        .join(sep)
        .match(/features\/([^/]+)/)?.[1];
      if (feature) {
        for (const m of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
          const other = m[1].match(/features\/([^/'"]+)/)?.[1];
          if (other && other !== feature)
            problems.push(`${rel}: feature "${feature}" imports feature "${other}"`);
        }
      }
    }
    if (/\bsql\.raw\s*\(/.test(text))
      problems.push(`${rel}: sql.raw is banned (API-04); use parameterised sql\`\``);
    if (!isTest && /\bMath\.random\s*\(/.test(text)) {
      problems.push(`${rel}: Math.random is banned outside tests (CRY-02); use node:crypto`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} boundary problem(s).`);
  process.exit(1);
}
console.log('Import boundaries and banned calls: clean.');
