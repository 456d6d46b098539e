/**
 * Config discovery for the CLI: the first `.trustline.yaml`/`.yml`/`.json` from the working
 * directory upwards, stopping at the git root (outside a repository, the working directory alone;
 * or `--config FILE`). Parsing and merging are the
 * core's (core/src/config.ts), and finding the file is the Node host's (core/node), both shared
 * with the language server.
 */
import * as path from 'node:path';
import { nodeHost } from '../../core/node/index';
import { Doc, parseConfigText, type ConfigProblem, type LineIndex, type ProjectConfig } from '../../core/src/index';

export interface LoadedConfig {
  /** Absolute path of the config file, when one was found. */
  file?: string;
  config: ProjectConfig;
  /** `file:line:column: message`, one per problem. */
  problems: string[];
}

/** Read and parse a config file. Throws only when the file cannot be read at all. */
export function loadConfig(file: string, display: string): LoadedConfig {
  // Editors hide the byte order mark; so do the positions we print (the server does the same).
  const { text, lines } = new Doc(nodeHost.readText(file));
  const { config, problems } = parseConfigText(text, path.basename(file));
  return { file, config, problems: problems.map((p) => formatProblem(display, lines, p)) };
}

function formatProblem(display: string, lines: LineIndex, p: ConfigProblem): string {
  const pos = lines.positionAt(p.start);
  return `${display}:${pos.line + 1}:${pos.character + 1}: ${p.severity}: ${p.message}`;
}
