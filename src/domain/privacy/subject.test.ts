import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashSubject, normaliseEmail, normalisePhone, phoneTail } from './subject.ts';

describe('data subjects: one spelling of an address or number', () => {
  it('normalises Dutch mobile numbers however typed', () => {
    for (const typed of [
      '06-12345678',
      '0612345678',
      '06 1234 5678',
      '(06) 12345678',
      '+31 6 12345678',
      '+31612345678',
      '+31 (0)6 1234 5678',
      '0031 6 12345678',
      ' 06-123 456 78 ',
    ])
      assert.equal(normalisePhone(typed), '+31612345678', typed);
  });

  it('normalises landlines and keeps foreign country codes', () => {
    assert.equal(normalisePhone('023-5114511'), '+31235114511');
    assert.equal(normalisePhone('+31 23 511 4511'), '+31235114511');
    assert.equal(normalisePhone('+32 2 123 45 67'), '+3221234567');
    assert.equal(normalisePhone('0032 2 123 45 67'), '+3221234567');
    assert.notEqual(normalisePhone('+32 612345678'), normalisePhone('06-12345678'));
  });

  it('narrows by the last nine digits', () => {
    assert.equal(phoneTail('+31612345678'), '612345678');
    assert.equal(phoneTail('+3112'), '3112');
  });

  it('compares e-mail addresses without case or surrounding space', () => {
    assert.equal(normaliseEmail('  Jan.Jansen@Example.ORG '), 'jan.jansen@example.org');
  });

  it('hashes each identifier with its own salt, so the audit proves an address without holding it', () => {
    const [email, phone, ...rest] = hashSubject({ email: 'a@example.org', phone: '+31612345678' });
    assert.equal(rest.length, 0);
    assert.equal(email!.kind, 'email');
    assert.equal(phone!.kind, 'phone');
    assert.notEqual(email!.salt, phone!.salt);
    assert.equal(email!.sha256, createHash('sha256').update(`${email!.salt}:a@example.org`).digest('hex'));
    assert.ok(!JSON.stringify([email, phone]).includes('example.org'));
    assert.deepEqual(hashSubject({ email: null, phone: null }), []);
  });
});
