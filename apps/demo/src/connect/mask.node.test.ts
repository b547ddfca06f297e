import { describe, expect, it } from 'vitest';
import { MASK, maskSubmission } from './mask.ts';

const connector = {
  uuid: 'a7d6e1f0-0000-4000-8000-000000000001',
  name: 'Société Générale',
  fields: [
    { name: 'login', type: 'text', label: 'Code client' },
    { name: 'password', type: 'password', label: 'Code secret' },
    { name: 'otp', type: 'otp', label: 'Code reçu par SMS' },
    { name: 'website', type: 'list', label: 'Espace' },
  ],
  payment_fields: [],
};

describe('maskSubmission', () => {
  it('masks passwords and one-time codes, and keeps the other values', () => {
    const masked = maskSubmission({
      connector,
      authMechanism: 'credentials',
      values: { login: '12345678', password: '123456', otp: '9876', website: 'par' },
    });
    expect(masked).toEqual({
      connector: { uuid: connector.uuid, name: 'Société Générale' },
      authMechanism: 'credentials',
      values: { login: '12345678', password: MASK, otp: MASK, website: 'par' },
    });
  });

  it('masks a value whose field the connector does not describe', () => {
    const masked = maskSubmission({ connector, authMechanism: 'credentials', values: { pin: '0000' } });
    expect(masked.values.pin).toBe(MASK);
  });

  it('keeps nothing of the secret: not its length, not the connector’s other properties', () => {
    const short = maskSubmission({ connector, authMechanism: 'credentials', values: { password: '1' } });
    const long = maskSubmission({ connector, authMechanism: 'credentials', values: { password: 'x'.repeat(40) } });
    expect(short.values.password).toBe(long.values.password);
    expect(JSON.stringify(long)).not.toContain('x');
    expect(Object.keys(short.connector)).toEqual(['uuid', 'name']);
  });
});
