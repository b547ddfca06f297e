import type { RouteEntry } from '../router.ts';

/** Routes that keep state of their own (sessions), cleared by the emulator's `reset()`. */
export interface RouteModule {
  routes: RouteEntry[];
  reset(): void;
}
