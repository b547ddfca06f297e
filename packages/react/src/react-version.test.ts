import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';

// The component and hook tests run once on each supported React major (the `dom` and `react18` projects).
it('runs on the React major its project stands for', () => {
  expect(version.split('.')[0]).toBe(process.env.EXPECTED_REACT_MAJOR);
  expect(domVersion).toBe(version);
});
