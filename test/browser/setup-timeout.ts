import { jest } from '@jest/globals';

// Each step drives a real browser against a real server (and waits for a PDF to render).
jest.setTimeout(120_000);
