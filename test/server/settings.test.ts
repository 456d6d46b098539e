// The settings contract: what package.json contributes, what the server reads, what
// docs/settings.md documents and what the core defaults are must all agree.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CHECK_IDS, DEFAULT_SETTINGS, SEVERITY_SETTINGS } from '../../core/src/index';
import { DEFAULT_DEBOUNCE_MS, readEditorSettings } from '../../server/src/settings';
import { ROOT } from '../support/root';


interface Property {
  type?: string | string[];
  default?: unknown;
  enum?: unknown[];
  markdownDescription?: string;
  markdownEnumDescriptions?: string[];
  properties?: Record<string, Property>;
  scope?: string;
}
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    configuration: { properties: Record<string, Property> };
    commands: { command: string; title: string; category?: string }[];
    jsonValidation?: { fileMatch: string; url: string }[];
  };
};
const props = manifest.contributes.configuration.properties;

describe('contributed settings', () => {
  test('the expected settings are contributed, each with a markdownDescription', () => {
    assert.deepEqual(Object.keys(props).sort(), [
      'trustline.checks',
      'trustline.debounceMs',
      'trustline.defaultTrust',
      'trustline.draftGlobs',
      'trustline.enable',
      'trustline.lintAllMarkdown',
      'trustline.maxFileSize',
      'trustline.maxFindings',
      'trustline.timeBudgetMs',
      'trustline.trace.server',
    ]);
    for (const [key, p] of Object.entries(props)) {
      assert.ok(p.markdownDescription && p.markdownDescription.length > 20, `${key} has a markdownDescription`);
      if (p.enum && p.markdownEnumDescriptions) assert.equal(p.markdownEnumDescriptions.length, p.enum.length, `${key}: one description per enum value`);
    }
  });

  test('trustline.checks lists every configurable check with the severities the core accepts', () => {
    const checks = props['trustline.checks']!.properties!;
    assert.deepEqual(Object.keys(checks).sort(), [...CHECK_IDS].sort());
    for (const [id, p] of Object.entries(checks)) {
      assert.deepEqual(p.enum, [...SEVERITY_SETTINGS], `${id} severities`);
      assert.ok(p.markdownDescription, `${id} has a description`);
    }
  });

  test('contributed defaults are the server and core defaults', () => {
    assert.equal(props['trustline.enable']!.default, DEFAULT_SETTINGS.enable);
    assert.deepEqual(props['trustline.draftGlobs']!.default, DEFAULT_SETTINGS.draftGlobs);
    assert.equal(props['trustline.lintAllMarkdown']!.default, DEFAULT_SETTINGS.lintAllMarkdown);
    assert.equal(props['trustline.maxFileSize']!.default, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(props['trustline.timeBudgetMs']!.default, DEFAULT_SETTINGS.timeBudgetMs);
    assert.equal(props['trustline.maxFindings']!.default, DEFAULT_SETTINGS.maxFindings);
    assert.equal(props['trustline.defaultTrust']!.default, DEFAULT_SETTINGS.defaultTrust);
    assert.equal(props['trustline.debounceMs']!.default, DEFAULT_DEBOUNCE_MS);
    assert.deepEqual(props['trustline.checks']!.default, DEFAULT_SETTINGS.checks);
    assert.equal(props['trustline.trace.server']!.default, 'off');
    assert.equal(props['trustline.trace.server']!.scope, 'window');
  });

  test('every setting is documented in docs/settings.md', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'settings.md'), 'utf8');
    for (const key of Object.keys(props)) assert.ok(doc.includes(`\`${key}\``), `${key} is in docs/settings.md`);
  });

  test('manifest: engine, activation and the restart command', () => {
    assert.equal(manifest.engines.vscode, '^1.99.0');
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    assert.ok(manifest.activationEvents.includes('workspaceContains:.trustline.yaml'));
    const restart = manifest.contributes.commands.find((c) => c.command === 'trustline.restartServer');
    assert.equal(restart?.category, 'Trustline');
    // .trustline.json gets completion and checking from the shipped schema.
    for (const v of manifest.contributes.jsonValidation ?? []) assert.ok(existsSync(path.join(ROOT, v.url)), `${v.url} exists`);
  });
});

describe('reading the editor settings', () => {
  const read = (raw: unknown) => {
    const warnings: string[] = [];
    return { ...readEditorSettings(raw, (m) => warnings.push(m)), warnings };
  };

  test('valid values pass through', () => {
    const r = read({
      enable: false,
      checks: { 'ask-exceeds-trust': 'Error', 'under-ask': 'off', 'missing-ask': 'default' },
      defaultTrust: 'aware',
      draftGlobs: ['copy/**'],
      lintAllMarkdown: true,
      maxFileSize: 5000.7,
      debounceMs: 50,
      trace: { server: 'verbose' },
    });
    assert.deepEqual(r.analysis, {
      enable: false,
      checks: { 'ask-exceeds-trust': 'error', 'under-ask': 'off' },
      defaultTrust: 1,
      draftGlobs: ['copy/**'],
      lintAllMarkdown: true,
      maxFileSize: 5000,
    });
    assert.equal(r.debounceMs, 50);
    assert.equal(r.trace, 'verbose');
    assert.deepEqual(r.warnings, []);
  });

  test('defaultTrust accepts levels, "5+" and null', () => {
    assert.equal(read({ defaultTrust: 3 }).analysis.defaultTrust, 3);
    assert.equal(read({ defaultTrust: '5+' }).analysis.defaultTrust, 6);
    assert.equal(read({ defaultTrust: null }).analysis.defaultTrust, null);
  });

  test('wrong values are ignored with a warning that names the setting, never thrown', () => {
    const r = read({
      enable: 'yes',
      checks: { 'ask-exceeds-trst': 'error', 'under-ask': 'loud' },
      defaultTrust: 'banana',
      draftGlobs: 'emails/**',
      maxFileSize: -1,
      debounceMs: 'fast',
      trace: { server: 'everything' },
    });
    assert.deepEqual(r.analysis, { checks: {} });
    assert.equal(r.debounceMs, undefined);
    assert.equal(r.trace, undefined);
    const all = r.warnings.join('\n');
    for (const key of ['trustline.enable', 'did you mean "ask-exceeds-trust"', 'trustline.checks.under-ask', 'trustline.defaultTrust', 'trustline.draftGlobs', 'trustline.maxFileSize', 'trustline.debounceMs', 'trustline.trace.server']) {
      assert.ok(all.includes(key), `warning mentions ${key}:\n${all}`);
    }
    // A size that would silently check nothing, or everything at any cost, falls back with a message.
    for (const maxFileSize of [0.5, 999, 50_000_000]) {
      const t = read({ maxFileSize });
      assert.deepEqual(t.analysis, {}, String(maxFileSize));
      assert.match(t.warnings.join('\n'), /trustline\.maxFileSize must be between 1,000 and 10,000,000 characters; the default \(1,000,000\) applies/);
    }
    assert.deepEqual(read('nonsense').analysis, {});
    assert.deepEqual(read(undefined).analysis, {});
  });
});
