import { jest } from '@jest/globals';

// Tests check behaviour, not speed (benchmarks do that): allow for a loaded 2-core CI machine,
// where an e2e file boots an application against its own database next to other suites.
jest.setTimeout(30_000);
