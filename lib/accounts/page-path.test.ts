import { describe, expect, it } from 'vitest';
import { accountPagePath } from './page-path';

describe('accountPagePath', () => {
  it('names the account of an account page or its edit page', () => {
    expect(accountPagePath('/accounts/52')).toEqual({ id: 52, edit: false });
    expect(accountPagePath('/accounts/52/edit?x=1')).toEqual({ id: 52, edit: true });
  });

  it('calls an id no record can have null, so the page is not found', () => {
    expect(accountPagePath('/accounts/99999999999')).toEqual({ id: null, edit: false });
    expect(accountPagePath('/accounts/abc/edit')).toEqual({ id: null, edit: true });
    expect(accountPagePath('/accounts/%E0')).toEqual({ id: null, edit: false });
  });

  it('leaves other pages alone', () => {
    for (const path of ['/accounts', '/accounts/new', '/accounts/import', '/accounts/requests', '/accounts/export', '/schedule', '/accounts/5/other'])
      expect(accountPagePath(path)).toBeNull();
  });
});
