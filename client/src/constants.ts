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
  recommendSkill: 'trustline.recommendSkill',
  /** With a skill name (the code action): opens it; without: the Open skill... picker. */
  openSkill: 'trustline.openSkill',
  /** With a document URI (the code action) or on the active draft; optional level skips the picker. */
  setTrust: 'trustline.setTrust',
  showProfile: 'trustline.showProfile',
} as const;

/** Context keys for `when` clauses in package.json. */
export const ContextKeys = {
  /** Set once the extension is active: the library commands show in the palette from then on. */
  active: 'trustline.active',
  /** The active editor holds a draft Trustline checks (from the server's profile). */
  isDraft: 'trustline.isDraft',
} as const;

/** The YAML extension: with it installed, .trustline.yaml completion comes from the schema (yamlValidation). */
export const YAML_EXTENSION_ID = 'redhat.vscode-yaml';

/** Scheme of the virtual "draft profile" documents shown by Show draft profile. */
export const PROFILE_SCHEME = 'trustline-profile';
