import { describe, expect, it } from 'vitest';
import { missingFromCode, missingPrefix, missingSignInFields } from './sign-in-fields';

describe('missingSignInFields', () => {
  it('names each empty field', () => {
    expect(missingSignInFields('', '')).toEqual(['email', 'password']);
    expect(missingSignInFields('a@b.example', '')).toEqual(['password']);
    expect(missingSignInFields(undefined, 'secret')).toEqual(['email']);
    expect(missingSignInFields('a@b.example', 'secret')).toEqual([]);
  });
  it('counts an email of spaces as empty, but not a password of spaces', () => {
    expect(missingSignInFields('   ', '   ')).toEqual(['email']);
  });
});

describe('missingFromCode', () => {
  it('reads the fields back from the server code, and nothing from other codes', () => {
    expect(missingFromCode(`${missingPrefix}email,password`)).toEqual(['email', 'password']);
    expect(missingFromCode(`${missingPrefix}password,bogus`)).toEqual(['password']);
    expect(missingFromCode('THROTTLED:15')).toEqual([]);
  });
});
