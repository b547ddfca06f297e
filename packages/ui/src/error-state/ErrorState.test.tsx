import { ConnectorsApiError, ConnectorsNetworkError, ConnectorsResponseError } from '@connector-kit/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fr } from '../locales.ts';
import { ErrorState } from './ErrorState.tsx';

describe('ErrorState', () => {
  it('announces a localized message and retries', async () => {
    const onRetry = vi.fn();
    render(
      <ErrorState
        error={new ConnectorsNetworkError('network', 'GET /connectors')}
        onRetry={onRetry}
        locale="fr"
        messages={fr}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Impossible de joindre le serveur');
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('shows the institution text as text and the request id for support', () => {
    const error = new ConnectorsApiError(
      503,
      { code: 'bug', description: 'upstream', message: '<img src=x onerror=alert(1)> Maintenance', request_id: 77 },
      'GET /connectors',
    );
    const { container } = render(<ErrorState error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The service is having trouble');
    expect(alert).toHaveTextContent('<img src=x onerror=alert(1)> Maintenance');
    expect(alert).toHaveTextContent('Reference: 77');
    expect(container.querySelector('img')).toBeNull();
  });

  it.each([
    [new ConnectorsApiError(404, null, 'GET /connectors/x'), 'could not find'],
    [new ConnectorsApiError(429, null, 'GET /connectors'), 'Too many requests'],
    [new ConnectorsApiError(401, null, 'PUT /connectors/x'), 'not allowed'],
    [new ConnectorsApiError(400, null, 'GET /connectors'), 'refused'],
    [new ConnectorsNetworkError('timeout', 'GET /connectors'), 'too long'],
    [new ConnectorsResponseError(200, 'GET /connectors', 'not JSON'), 'could not read'],
    [new Error('anything'), 'Something went wrong'],
  ])('explains %s', (error, text) => {
    render(<ErrorState error={error} />);
    expect(screen.getByRole('alert')).toHaveTextContent(text);
  });
});
