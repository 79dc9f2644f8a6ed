import { chunks } from './imports.repository.js';

describe('imports repository chunks', () => {
  const sizes = <R>(records: R[], size: number, group?: (record: R) => string) => [...chunks(records, size, group)].map((chunk) => chunk.length);

  it('slices records, the last slice holding the rest, and sends a small list whole', () => {
    const records = Array.from({ length: 12 }, (_, i) => i);
    expect(sizes(records, 5)).toEqual([5, 5, 2]);
    expect([...chunks(records, 20)][0]).toBe(records);
    expect(sizes([], 5)).toEqual([]);
  });

  it('never splits the records of one group (a task\'s new milestones share one statement)', () => {
    const records = ['a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'd', 'd'].map((task, i) => ({ task, i }));
    const slices = [...chunks(records, 2, (r) => r.task)];
    expect(slices.map((slice) => slice.map((r) => r.task).join(''))).toEqual(['aaa', 'bbbb', 'cdd']);
    for (const slice of slices) {
      const tasks = new Set(slice.map((r) => r.task));
      for (const other of slices) if (other !== slice) for (const r of other) expect(tasks.has(r.task)).toBe(false);
    }
    expect(slices.flat().map((r) => r.i)).toEqual(records.map((r) => r.i));
  });
});
