import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { type GetLogoUrl, safeLogoUrl, useConnectorLogoUrl } from './logo.ts';
import { ConnectorsProvider } from './provider.tsx';
import { TEST_CONNECTOR_UUID } from './test/fixtures.ts';
import { createTestClient } from './test/render.tsx';

const connector = { uuid: TEST_CONNECTOR_UUID, name: 'Connecteur de test' };
const powens: GetLogoUrl = ({ uuid }) => `https://acme-sandbox.biapi.pro/2.0/logos/${uuid}-thumbnail.webp`;

function providerWith(getLogoUrl?: GetLogoUrl) {
  const client = createTestClient();
  return ({ children }: { children: ReactNode }) => (
    <ConnectorsProvider client={client} {...(getLogoUrl ? { getLogoUrl } : {})}>
      {children}
    </ConnectorsProvider>
  );
}

describe('safeLogoUrl', () => {
  it.each([
    `https://acme-sandbox.biapi.pro/2.0/logos/${TEST_CONNECTOR_UUID}-thumbnail.webp`,
    'http://127.0.0.1:4010/2.0/logos/x-thumbnail.webp',
    '/api/2.0/logos/x-thumbnail.webp',
    'logos/x.webp',
    '?logo=1',
  ])('keeps %j', (url) => {
    expect(safeLogoUrl(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:image/svg+xml,<svg onload="alert(1)"/>',
    'blob:https://app.example/1234',
    'file:///etc/passwd',
    'ftp://files.example/logo.webp',
    '//evil.example/logo.webp',
    '/\\evil.example/logo.webp',
    '\\\\evil.example/logo.webp',
    '/\t/evil.example/logo.webp',
    'https://',
    '',
    '   ',
    null,
    undefined,
    42,
  ])('refuses %j', (url) => {
    expect(safeLogoUrl(url)).toBeNull();
  });
});

describe('useConnectorLogoUrl', () => {
  it('asks the provider’s getLogoUrl, with the connector', () => {
    const getLogoUrl = vi.fn(powens);
    const { result } = renderHook(() => useConnectorLogoUrl(connector), { wrapper: providerWith(getLogoUrl) });
    expect(result.current).toBe(`https://acme-sandbox.biapi.pro/2.0/logos/${TEST_CONNECTOR_UUID}-thumbnail.webp`);
    expect(getLogoUrl).toHaveBeenCalledWith(connector);
  });

  it('prefers the getLogoUrl it is given; null turns logos off', () => {
    const wrapper = providerWith(powens);
    expect(renderHook(() => useConnectorLogoUrl(connector, () => '/own/logo.webp'), { wrapper }).result.current).toBe(
      '/own/logo.webp',
    );
    expect(renderHook(() => useConnectorLogoUrl(connector, null), { wrapper }).result.current).toBeNull();
  });

  it('is null without a resolver, without a uuid, for no address and for an unsafe one', () => {
    expect(renderHook(() => useConnectorLogoUrl(connector), { wrapper: providerWith() }).result.current).toBeNull();
    // Outside any provider: no logo, and no error.
    expect(renderHook(() => useConnectorLogoUrl(connector)).result.current).toBeNull();
    const getLogoUrl = vi.fn(powens);
    const { result } = renderHook(() => useConnectorLogoUrl({ name: 'No uuid' }, getLogoUrl));
    expect(result.current).toBeNull();
    expect(getLogoUrl).not.toHaveBeenCalled();
    expect(renderHook(() => useConnectorLogoUrl(connector, () => undefined)).result.current).toBeNull();
    expect(renderHook(() => useConnectorLogoUrl(connector, () => 'javascript:alert(1)')).result.current).toBeNull();
  });
});
