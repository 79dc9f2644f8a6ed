import { jest } from '@jest/globals';

// Each e2e file boots an application against its own database; allow for a loaded 2-core machine.
jest.setTimeout(30_000);
