import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts 8 to 128 characters that are not common', () => {
    expect(passwordProblem('plum-orbit-42')).toBeNull();
    expect(passwordProblem('a'.repeat(7) + 'Z')).toBeNull();
    expect(passwordProblem('x9'.repeat(64))).toBeNull();
  });

  it('refuses short and over-long passwords', () => {
    expect(passwordProblem('Ab3$xyz')).toBe('tooShort');
    expect(passwordProblem('x'.repeat(129))).toBe('tooLong');
  });

  it('counts characters, not bytes, so Japanese passphrases work', () => {
    expect(passwordProblem('さくらもちとおちゃ')).toBeNull();
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('password')).toBe('common');
    expect(passwordProblem('Password1')).toBe('common');
    expect(passwordProblem('12345678')).toBe('common');
  });

  it('refuses the email or its local part', () => {
    expect(passwordProblem('aiko.tanaka', 'aiko.tanaka@example.jp')).toBe('sameAsEmail');
  });
});
