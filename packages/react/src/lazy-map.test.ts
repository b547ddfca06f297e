import { describe, expect, it, vi } from 'vitest';
import { lazyMap } from './lazy-map.ts';

describe('lazyMap', () => {
  it('builds nothing until read, then once, and reads as the map it built', () => {
    const build = vi.fn(
      () =>
        new Map([
          ['FR', 3],
          ['DE', 1],
        ]),
    );
    const counts = lazyMap(build);
    expect(build).not.toHaveBeenCalled();

    expect(counts.get('FR')).toBe(3);
    expect(counts.has('DE')).toBe(true);
    expect(counts.has('ES')).toBe(false);
    expect(counts.size).toBe(2);
    expect([...counts]).toEqual([
      ['FR', 3],
      ['DE', 1],
    ]);
    expect([...counts.keys()]).toEqual(['FR', 'DE']);
    expect([...counts.values()]).toEqual([3, 1]);
    expect([...counts.entries()]).toEqual([...counts]);
    const seen: string[] = [];
    counts.forEach((count, code, map) => {
      expect(map).toBe(counts);
      seen.push(`${code}=${count}`);
    });
    expect(seen).toEqual(['FR=3', 'DE=1']);
    expect(build).toHaveBeenCalledTimes(1);
  });
});
