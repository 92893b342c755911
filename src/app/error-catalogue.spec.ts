import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { entryCodes, notFoundReason } from '../common/error-catalogue.js';
import { PUBLIC_ERROR_CODES } from '../common/errors.js';
import { ERROR_CATALOGUES, ERROR_REASONS, errorsMarkdown } from './error-catalogue.js';

describe('the error catalogue', () => {
  it('names each reason once, across all modules', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const { reason, module } of ERROR_REASONS) {
      if (seen.has(reason)) twice.push(`${reason} (${seen.get(reason)} and ${module})`);
      seen.set(reason, module);
    }
    expect(twice).toEqual([]);
    expect(ERROR_REASONS.length).toBeGreaterThan(100);
  });

  it.each(ERROR_REASONS.map((r) => [r.reason, r] as const))('%s is well-formed', (reason, r) => {
    expect(reason).toMatch(/^[A-Z][A-Z0-9_]*[A-Z0-9]$/);
    const codes = entryCodes(r.entry);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(PUBLIC_ERROR_CODES.has(code)).toBe(true);
    expect(r.entry.en.trim().length).toBeGreaterThan(5);
    expect(r.entry.zh.trim().length).toBeGreaterThan(2);
    // The Chinese text is Chinese, and not a copy of the English one.
    expect(r.entry.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(r.entry.zh).not.toBe(r.entry.en);
    // A NOT_FOUND reason names its entity, and NotFoundError derives exactly this reason from it.
    if (codes.includes('NOT_FOUND') && reason !== 'ROUTE_NOT_FOUND') {
      expect(r.entry.entity).toBeDefined();
      expect(notFoundReason(r.entry.entity!)).toBe(reason);
    }
    if (r.entry.entity !== undefined) expect(codes).toEqual(['NOT_FOUND']);
  });

  it('has one catalogue per module', () => {
    const modules = ERROR_CATALOGUES.map((c) => c.module);
    expect(new Set(modules).size).toBe(modules.length);
  });

  it('is what docs/errors.md says (npm run docs:errors)', () => {
    expect(readFileSync('docs/errors.md', 'utf8')).toBe(errorsMarkdown());
  });
});
