import {
  createHandoffStore,
  type Handoff,
  type HandoffStore,
  readWebviewCallback,
  type WebviewCallbackConnected,
  type WebviewCallbackDeleted,
  type WebviewCallbackResult,
} from '@connector-kit/core';
import { useEffect, useRef, useState } from 'react';

export interface UseWebviewCallbackOptions {
  /** The callback address to read; the page's own (`location.href`) by default. */
  url?: string | undefined;
  /** The pending hand-offs; `createHandoffStore()` (sessionStorage) by default. */
  store?: HandoffStore | undefined;
  /**
   * Takes the callback's query out of the address bar once read (default true, when reading the page's own address):
   * the temporary code it carries leaves the history, and a reload does not read a used callback again.
   */
  cleanUrl?: boolean | undefined;
  /** Called once, when the callback says the user connected (or reconnected). */
  onConnected?: ((result: WebviewCallbackConnected, handoff: Handoff | null) => void) | undefined;
  /** Called once, when the user deleted the connection (`manage`). */
  onDeleted?: ((result: WebviewCallbackDeleted, handoff: Handoff | null) => void) | undefined;
}

export type UseWebviewCallbackResult =
  /** Not read yet: the first render, and on a server (the pending hand-offs live in the browser tab). */
  | { status: 'reading'; result: null; handoff: null }
  | { status: 'read'; result: WebviewCallbackResult; handoff: Handoff | null };

const READING: UseWebviewCallbackResult = { status: 'reading', result: null, handoff: null };

/**
 * Reads the way back from Powens on the app's `redirect_uri` page: claims the pending hand-off its `state` names (a
 * forged, replayed or stale callback is refused), parses the outcome and calls `onConnected` or `onDeleted` once.
 * It reads after the first render, in the browser, so that a server-rendered page matches its first client render.
 */
export function useWebviewCallback(options: UseWebviewCallbackOptions = {}): UseWebviewCallbackResult {
  const [read, setRead] = useState<UseWebviewCallbackResult>(READING);
  const latest = useRef(options);
  latest.current = options;
  // A callback is claimed once per mounted component, even when an effect runs twice (React's Strict Mode).
  const claimed = useRef(false);

  useEffect(() => {
    if (claimed.current) return;
    claimed.current = true;
    const { url, store, cleanUrl = true, onConnected, onDeleted } = latest.current;
    const location = globalThis.location;
    const address = url ?? location?.href ?? '';
    const { result, handoff } = readWebviewCallback(address, store ?? createHandoffStore());
    if (url === undefined && cleanUrl && location && globalThis.history && location.search !== '') {
      globalThis.history.replaceState(globalThis.history.state, '', `${location.pathname}${location.hash}`);
    }
    setRead({ status: 'read', result, handoff });
    if (result.status === 'connected') onConnected?.(result, handoff);
    else if (result.status === 'deleted') onDeleted?.(result, handoff);
  }, []);

  return read;
}
