import { ByteCollector } from './byte-collector.js';

describe('ByteCollector', () => {
  it('returns exactly the bytes appended, across block boundaries', () => {
    const collector = new ByteCollector();
    const expected: number[] = [];
    // 3 MiB in chunks of awkward sizes, so chunks straddle the 1 MiB blocks.
    for (let index = 0; expected.length < 3 * 1024 * 1024; index += 1) {
      const chunk = Uint8Array.from({ length: 1 + ((index * 7919) % 40_000) }, (_, offset) => (index + offset) % 256);
      collector.append(chunk);
      expected.push(...chunk);
    }
    const bytes = collector.toBuffer();
    expect(bytes.length).toBe(expected.length);
    expect(bytes.equals(Buffer.from(expected))).toBe(true);
  });

  it('copies chunks, so the caller may reuse their memory', () => {
    const collector = new ByteCollector();
    const chunk = Buffer.from('%PDF-1.3');
    collector.append(chunk);
    chunk.fill(0);
    expect(collector.toBuffer().toString()).toBe('%PDF-1.3');
    expect(new ByteCollector().toBuffer()).toHaveLength(0);
  });
});
