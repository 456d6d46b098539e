/** Names shared by the client's parts; the settings section and ids must match package.json. */

/** Client id: vscode-languageclient reads `<id>.trace.server` for protocol tracing. */
export const CLIENT_ID = 'trustline';
export const CLIENT_NAME = 'Trustline';
/** The output channel, shared by the server's log and the protocol trace. */
export const OUTPUT_CHANNEL = 'Trustline';

/** Project config files the server reads at each workspace folder root. */
export const CONFIG_FILE_GLOB = '**/.trustline.{yaml,yml,json}';

/** Command ids, as contributed in package.json. */
export const Commands = {
  restartServer: 'trustline.restartServer',
} as const;
