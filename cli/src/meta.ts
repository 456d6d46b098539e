/** The package's name, version and where its documentation lives online (for SARIF help links). */
import pkg from '../../package.json';
import { ruleDocPath } from '../../core/src/index';

export const VERSION: string = pkg.version;

/** The repository's web address, from package.json (`git+https://host/x/y.git` -> `https://host/x/y`). */
export const REPOSITORY_URL: string = String((pkg as { repository?: { url?: string } }).repository?.url ?? 'https://example.invalid/trustline')
  .replace(/^git\+/, '')
  .replace(/\.git$/, '');

/** A check's page as an https link (code scanning shows it; file:// links would not open there). */
export function ruleHelpUri(id: string): string {
  return `${REPOSITORY_URL}/blob/main/${ruleDocPath(id)}`;
}
