import { describe, expect, it } from 'vitest';
import { accountTabHref, accountView } from './account-tabs';

describe('accountView', () => {
  it('opens the default section when the address names none or an unknown one', () => {
    expect(accountView({})).toEqual({ tab: 'timeline', form: undefined });
    expect(accountView({ tab: 'nope' })).toEqual({ tab: 'timeline', form: undefined });
  });

  it('opens the section the address names', () => {
    expect(accountView({ tab: 'contacts' })).toEqual({ tab: 'contacts', form: undefined });
    expect(accountView({ tab: ['history', 'tier'] })).toEqual({ tab: 'history', form: undefined });
  });

  it('opens a form in its own section, whatever tab the address names', () => {
    expect(accountView({ form: 'task' })).toEqual({ tab: 'tasks', form: 'task' });
    expect(accountView({ tab: 'timeline', form: 'schedule' })).toEqual({ tab: 'activities', form: 'schedule' });
    expect(accountView({ form: 'unknown', tab: 'signals' })).toEqual({ tab: 'signals', form: undefined });
    expect(accountView({ form: 'toString' })).toEqual({ tab: 'timeline', form: undefined });
  });

  it('opens the override form when a link fills one in', () => {
    expect(accountView({ overrideTier: '2', overrideReason: 'x' })).toEqual({ tab: 'tier', form: 'override' });
  });
});

describe('accountTabHref', () => {
  it('leaves the default section out of the address', () => {
    expect(accountTabHref(7, 'timeline')).toBe('/accounts/7');
    expect(accountTabHref(7, 'contacts')).toBe('/accounts/7?tab=contacts');
    expect(accountTabHref(7, 'tasks', 'task')).toBe('/accounts/7?tab=tasks&form=task');
  });
});
