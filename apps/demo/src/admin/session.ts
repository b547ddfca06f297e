import { useCallback, useEffect, useState } from 'react';

const STORAGE_KEY = 'connector-kit-demo:hidden-connectors';

function load(): string[] {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export interface RememberedConnectors {
  /** Lower-case UUIDs, in the order they were added. */
  uuids: readonly string[];
  remember(uuids: readonly string[]): void;
  forget(uuid: string): void;
}

/**
 * The connectors this tab has hidden or looked up, by UUID. The API's list leaves hidden connectors out, so this is
 * how the admin table finds them again; it lasts as long as the tab (session storage).
 */
export function useRememberedConnectors(): RememberedConnectors {
  const [uuids, setUuids] = useState<readonly string[]>(load);
  useEffect(() => {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(uuids));
    } catch {
      // Kept in memory only.
    }
  }, [uuids]);
  const remember = useCallback((added: readonly string[]) => {
    setUuids((current) => {
      const next = [...current];
      for (const uuid of added) if (!next.includes(uuid.toLowerCase())) next.push(uuid.toLowerCase());
      return next.length === current.length ? current : next;
    });
  }, []);
  const forget = useCallback((uuid: string) => {
    setUuids((current) => current.filter((item) => item !== uuid.toLowerCase()));
  }, []);
  return { uuids, remember, forget };
}
