import type { Connector, ConnectorField } from '@connector-kit/core';
import { demoConnectors, TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import { act, renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { textField as field } from './test/fixtures.ts';
import { connectorFieldKey, type UseConnectorFormOptions, useConnectorForm } from './use-connector-form.ts';

const preload = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock('@connector-kit/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@connector-kit/core')>()),
  preloadSafeRegexEngine: preload,
}));

const TEST = demoConnectors.find((c) => c.uuid === TEST_CONNECTOR_UUID) as Connector;

function connectorWith(fields: ConnectorField[], extra: Partial<Connector> = {}): Connector {
  return { uuid: 'c-1', name: 'Banque', auth_mechanism: 'credentials', fields, ...extra };
}

function renderForm(connector: Connector, options: Partial<UseConnectorFormOptions> = {}) {
  const onSubmit = vi.fn();
  const rendered = renderHook(
    (props: { connector: Connector; options: Partial<UseConnectorFormOptions> }) =>
      useConnectorForm(props.connector, { onSubmit, ...props.options }),
    { initialProps: { connector, options } },
  );
  return { ...rendered, onSubmit };
}

describe('useConnectorForm', () => {
  it('plans the connector’s own mechanism first: webauth, one step, for the test connector', () => {
    const { result } = renderForm(TEST);
    expect(result.current.authMechanism).toBe('webauth');
    expect(result.current.availableAuthMechanisms).toEqual(['webauth', 'credentials']);
    expect(result.current.steps).toHaveLength(1);
    expect(result.current.step).toMatchObject({ source: 'openapi', webauth: true });
    expect(result.current).toMatchObject({ stepIndex: 0, isFirstStep: true, isLastStep: true });
  });

  it('validates only the current step on next, and keeps values back and forth', async () => {
    const { result, onSubmit } = renderForm(TEST, { defaultAuthMechanism: 'credentials' });
    expect(result.current.steps.map((s) => s.source)).toEqual(['openapi', 'directaccess']);

    expect(await act(() => result.current.next())).toBe(false);
    const { form } = result.current;
    expect(form.getFieldState('openapiwebsite').error?.message).toBe('required');
    expect(form.getFieldState('login').invalid).toBe(false);
    expect(form.getFieldState('password').invalid).toBe(false);
    expect(result.current.stepIndex).toBe(0);

    act(() => form.setValue('openapiwebsite', 'par'));
    expect(await act(() => result.current.next())).toBe(true);
    expect(result.current).toMatchObject({ stepIndex: 1, isLastStep: true });
    expect(result.current.step.fields.map((f) => f.name)).toEqual(['login', 'password', 'birthdate']);

    act(() => {
      form.setValue('login', 'jdupont');
      form.setValue('password', ' secret ');
    });
    act(() => result.current.back());
    expect(result.current.stepIndex).toBe(0);
    expect(form.getValues()).toMatchObject({ openapiwebsite: 'par', login: 'jdupont', password: ' secret ' });
    await act(() => result.current.next());

    expect(await act(() => result.current.submit())).toBe(true);
    expect(onSubmit).toHaveBeenCalledWith({
      connector: TEST,
      authMechanism: 'credentials',
      // The optional birth date left empty is left out; the password is sent as typed.
      values: { openapiwebsite: 'par', login: 'jdupont', password: ' secret ' },
      webauth: false,
      source: 'directaccess',
    });
  });

  it('on submit, goes back to the step of an invalid value and focuses it there', async () => {
    const { result, onSubmit } = renderForm(TEST, {
      defaultAuthMechanism: 'credentials',
      fieldValues: { openapiwebsite: 'par', login: 'x', password: 'y' },
    });
    await act(() => result.current.next());
    expect(result.current.stepIndex).toBe(1);
    act(() => result.current.form.setValue('openapiwebsite', 'nope'));
    expect(await act(() => result.current.submit())).toBe(false);
    expect(result.current.stepIndex).toBe(0);
    expect(result.current.form.getFieldState('openapiwebsite').error?.message).toBe('list');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('hands only the fields of the plan to onSubmit, keyed by name', async () => {
    const connector = connectorWith([
      field('a.b'),
      field('__proto__'),
      field('toString'),
      field('note', { required: false }),
      field('webauthOnly', { auth_mechanisms: ['webauth'] }),
    ]);
    const { result, onSubmit } = renderForm(connector, {
      // JSON.parse makes `__proto__` an own key, as a server answer would.
      fieldValues: JSON.parse('{"a.b":"1","__proto__":"2","toString":"3","webauthOnly":"x","other":"y"}'),
    });
    expect(await act(() => result.current.submit())).toBe(true);
    const values = onSubmit.mock.calls[0]?.[0].values;
    expect(Object.keys(values)).toEqual(['a.b', '__proto__', 'toString']);
    expect(values['a.b']).toBe('1');
    expect(Object.getOwnPropertyDescriptor(values, '__proto__')?.value).toBe('2');
    expect(values.toString).toBe('3');
  });

  it('gives unusual field names a safe, distinct key', () => {
    expect(connectorFieldKey('login')).toBe('login');
    expect(connectorFieldKey('openapiwebsite')).toBe('openapiwebsite');
    const odd = ['a.b', 'a[0]', '__proto__', 'constructor', 'toString', '0', '', 'é', '$61'];
    const keys = odd.map(connectorFieldKey);
    expect(new Set(keys).size).toBe(odd.length);
    for (const key of keys) expect(key).toMatch(/^\$[0-9a-f-]*$/);
  });

  it('switches mechanism from the first step, keeping the values that still apply', async () => {
    const onAuthMechanismChange = vi.fn();
    const { result } = renderForm(TEST, { onAuthMechanismChange });
    act(() => result.current.form.setValue('openapiwebsite', 'pro'));
    act(() => result.current.setAuthMechanism('credentials'));
    expect(onAuthMechanismChange).toHaveBeenCalledWith('credentials');
    expect(result.current.authMechanism).toBe('credentials');
    expect(result.current.steps).toHaveLength(2);
    expect(result.current.form.getValues('openapiwebsite')).toBe('pro');
    await act(() => result.current.next());
    expect(result.current.stepIndex).toBe(1);
    act(() => result.current.setAuthMechanism('webauth'));
    expect(result.current).toMatchObject({ authMechanism: 'webauth', stepIndex: 0 });
  });

  it('follows a controlled mechanism', () => {
    const { result, rerender, onSubmit } = renderForm(TEST, { authMechanism: 'webauth' });
    const onAuthMechanismChange = vi.fn();
    rerender({ connector: TEST, options: { authMechanism: 'webauth', onAuthMechanismChange, onSubmit } });
    act(() => result.current.setAuthMechanism('credentials'));
    expect(onAuthMechanismChange).toHaveBeenCalledWith('credentials');
    expect(result.current.authMechanism).toBe('webauth');
    rerender({ connector: TEST, options: { authMechanism: 'credentials', onSubmit } });
    expect(result.current.steps).toHaveLength(2);
  });

  it('continues to the bank: onWebauth with the step’s values, then the next step', async () => {
    const onWebauth = vi.fn();
    const { result, onSubmit } = renderForm(TEST, {
      defaultAuthMechanism: 'credentials',
      fieldValues: { openapiwebsite: 'par', password: 'hunter2' },
      onWebauth,
    });
    expect(await act(() => result.current.submit())).toBe(true);
    expect(onWebauth).toHaveBeenCalledWith({
      connector: TEST,
      source: 'openapi',
      authMechanism: 'webauth',
      values: { openapiwebsite: 'par' },
    });
    expect(result.current.stepIndex).toBe(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits a last webauth step through onSubmit when there is no onWebauth', async () => {
    const { result, onSubmit } = renderForm(TEST, { fieldValues: { openapiwebsite: 'pro' } });
    expect(await act(() => result.current.continueToBank())).toBe(true);
    expect(onSubmit).toHaveBeenCalledWith({
      connector: TEST,
      authMechanism: 'webauth',
      values: { openapiwebsite: 'pro' },
      // The form ends at the bank: the app sends the user there for this source.
      webauth: true,
      source: 'openapi',
    });
  });

  it('plans payment fields with kind payment', () => {
    const { result } = renderForm(TEST, { kind: 'payment' });
    expect(result.current.authMechanism).toBe('webauth');
    expect(result.current.steps).toEqual([
      expect.objectContaining({ source: null, webauth: true, fields: [expect.objectContaining({ name: 'flow' })] }),
    ]);
  });

  it('locks prefilled read-only values only', async () => {
    const connector = connectorWith([field('login'), field('branch'), field('code', { required: false })]);
    const { result, onSubmit } = renderForm(connector, {
      fieldValues: { login: 'me', branch: '042' },
      readOnly: ['branch', 'code'],
    });
    expect(result.current.isReadOnly('branch')).toBe(true);
    expect(result.current.isReadOnly('code')).toBe(false);
    expect(result.current.isReadOnly('login')).toBe(false);
    act(() => result.current.form.setValue('branch', 'changed'));
    await act(() => result.current.submit());
    expect(onSubmit.mock.calls[0]?.[0].values).toEqual({ login: 'me', branch: '042' });
  });

  it('starts loading the safe regex engine when a field has a pattern', () => {
    preload.mockClear();
    renderForm(connectorWith([field('login')]));
    expect(preload).not.toHaveBeenCalled();
    renderForm(connectorWith([field('login', { regex: '^\\d{8}$' })]));
    expect(preload).toHaveBeenCalled();
  });

  it('starts over with a new connector', async () => {
    const first = connectorWith([field('login')]);
    const second = connectorWith([field('login'), field('pin')], { uuid: 'c-2' });
    const { result, rerender, onSubmit } = renderForm(first, { fieldValues: { login: 'a' } });
    act(() => result.current.form.setValue('login', 'typed'));
    rerender({ connector: second, options: { fieldValues: { pin: '1' }, onSubmit } });
    await waitFor(() => expect(result.current.form.getValues()).toEqual({ login: '', pin: '1' }));
  });

  it('clears every value on unmount', () => {
    const { result, unmount } = renderForm(TEST, { defaultAuthMechanism: 'credentials' });
    const { form } = result.current;
    act(() => form.setValue('password', 'hunter2'));
    unmount();
    expect(Object.values(form.getValues()).every((v) => v === '')).toBe(true);
  });

  it('keeps its prefilled values under StrictMode', () => {
    const { result } = renderHook(
      () => useConnectorForm(TEST, { onSubmit: () => {}, fieldValues: { openapiwebsite: 'pro' } }),
      { wrapper: StrictMode },
    );
    expect(result.current.form.getValues('openapiwebsite')).toBe('pro');
  });

  it('submits once at a time', async () => {
    let release = () => {};
    const onSubmit = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const { result } = renderHook(() =>
      useConnectorForm(connectorWith([field('login')]), { onSubmit, fieldValues: { login: 'x' } }),
    );
    let first: Promise<boolean> = Promise.resolve(false);
    act(() => {
      first = result.current.submit();
    });
    await waitFor(() => expect(result.current.isSubmitting).toBe(true));
    expect(await act(() => result.current.submit())).toBe(false);
    release();
    expect(await act(() => first)).toBe(true);
    expect(onSubmit).toHaveBeenCalledOnce();
    expect(result.current.isSubmitting).toBe(false);
  });
});
