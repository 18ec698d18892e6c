// Applies docs/install.md to an app, step by step, exactly as written: every fenced block that
// follows an `<!-- install-check: <action> ... -->` marker is one edit a user makes. The install
// check therefore makes no edit that the page does not tell a user to make.
//
//   node apply-install-doc.mjs <install.md> <app folder>
//
// Actions:
//   run                          runs the block with bash in the app folder
//   insert-before <file> "<s>"   inserts the block before the first line containing <s>
//   delete <file>                removes the block's text, which must be in the file
//   merge-yaml <file>            deep-merges the block's YAML into the file's
//   append <file>                appends the block to the file
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const [docPath, appDir] = process.argv.slice(2);
const doc = readFileSync(docPath, 'utf8');
const steps = [
  ...doc.matchAll(
    /<!-- install-check: (.+?) -->\s*\n```[a-z]*\n([\s\S]*?)\n```/g,
  ),
];
if (steps.length === 0) {
  throw new Error(`${docPath} has no install-check blocks`);
}

function words(spec) {
  return [...spec.matchAll(/"([^"]*)"|(\S+)/g)].map(m => m[1] ?? m[2]);
}

function mergeDeep(target, source) {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    target[key] =
      current &&
      typeof current === 'object' &&
      !Array.isArray(current) &&
      value &&
      typeof value === 'object' &&
      !Array.isArray(value)
        ? mergeDeep(current, value)
        : value;
  }
  return target;
}

for (const [index, [, spec, block]] of steps.entries()) {
  const [action, file, anchor] = words(spec);
  const path = file && join(appDir, file);
  console.log(`install.md step ${index + 1}: ${spec}`);
  switch (action) {
    case 'run':
      execFileSync('bash', ['-euo', 'pipefail', '-c', block], {
        cwd: appDir,
        stdio: 'inherit',
      });
      break;
    case 'insert-before': {
      const lines = readFileSync(path, 'utf8').split('\n');
      const at = lines.findIndex(line => line.includes(anchor));
      if (at < 0) throw new Error(`${file} has no line with ${anchor}`);
      lines.splice(at, 0, block, '');
      writeFileSync(path, lines.join('\n'));
      break;
    }
    case 'delete': {
      const text = readFileSync(path, 'utf8');
      if (!text.includes(block)) {
        throw new Error(`${file} does not contain:\n${block}`);
      }
      writeFileSync(path, text.replace(block, ''));
      break;
    }
    case 'merge-yaml': {
      const merged = mergeDeep(parse(readFileSync(path, 'utf8')), parse(block));
      writeFileSync(path, stringify(merged));
      break;
    }
    case 'append':
      writeFileSync(
        path,
        `${readFileSync(path, 'utf8').trimEnd()}\n${block}\n`,
      );
      break;
    default:
      throw new Error(`unknown install-check action '${action}'`);
  }
}
console.log(`applied ${steps.length} steps of ${docPath}`);
