import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { FieldProblem } from '../../shared/errors.ts';

/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB memory, 2 iterations, 1 lane. */
const ARGON2ID = 2 as Algorithm;
const argon2Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random secret with the same parameters: verifying against it when the e-mail
 * is unknown costs as long as a real check, so timing does not reveal which e-mails exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
}

/** 144 random bits, URL-safe: 24 characters. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** ASVS 2.1: at least 12 characters, at most 128, no composition rules. */
export function passwordProblems(password: string, field = 'password'): FieldProblem[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [{ name: field, reason: `must be at least ${PASSWORD_MIN_LENGTH} characters`, code: 'too_short' }];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [{ name: field, reason: `must be at most ${PASSWORD_MAX_LENGTH} characters`, code: 'too_long' }];
  }
  return [];
}
