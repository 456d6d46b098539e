import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// tsx runs the tests as CommonJS, where __dirname is this folder; the fallback keeps the
// module working if the test project is ever compiled as ES modules.
const here: string =
  typeof __dirname !== 'undefined'
    ? __dirname
    : // @ts-ignore -- only reached when running as an ES module (a type error under CommonJS)
      path.dirname(fileURLToPath(import.meta.url));

/** The repository root, whatever the working directory of the test run. */
export const ROOT = path.resolve(here, '..', '..');

/** The fixture drafts: test/fixtures/ holds them, one folder per draft type. */
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** Every fixture draft (`.md` under test/fixtures/, except its README), sorted. */
export function fixtureFiles(dir: string = FIXTURES): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...fixtureFiles(p));
    else if (name.endsWith('.md') && !(dir === FIXTURES && name === 'README.md')) out.push(p);
  }
  return out;
}
