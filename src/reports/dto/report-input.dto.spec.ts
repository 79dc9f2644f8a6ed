import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationErrorMessages } from '../../common/validation/validation-error-messages.js';
import { ReportInput, ReturnReportDto } from './report-input.dto.js';

async function problemsOf<T extends object>(type: new () => T, body: unknown): Promise<string[]> {
  const errors = await validate(plainToInstance(type, body) as object, { whitelist: true, forbidNonWhitelisted: true });
  return validationErrorMessages(errors);
}

const TASK = '6f1c1f2a-2d7e-4c61-9a51-0d9b7f1e2a11';

describe('report body validation', () => {
  it('accepts a complete body', async () => {
    expect(
      await problemsOf(ReportInput, {
        summary: 'ok',
        tasks: [{ taskId: TASK, status: 'completed', percentComplete: 100, completedMilestones: [{ milestoneId: TASK, completedOn: '2024-02-29' }] }],
        indicators: [{ indicatorId: TASK, value: -1.5, note: 'n' }],
        experiences: [{ title: 't', summary: 's', category: 'water', tags: ['a'] }],
      }),
    ).toEqual([]);
  });

  it('names every invalid field with its full path', async () => {
    const problems = await problemsOf(ReportInput, {
      tasks: [{ taskId: 'nope', status: 'finished', percentComplete: 101, completedMilestones: [{ milestoneId: TASK, completedOn: '2024-02-30' }] }],
      indicators: [{ indicatorId: TASK, value: 'ten' }],
      experiences: [{ title: '', summary: 's', category: 'tourism' }],
      extra: true,
    });
    const joined = problems.join('\n');
    for (const path of [
      'tasks.0.taskId',
      'tasks.0.status',
      'tasks.0.percentComplete',
      'tasks.0.completedMilestones.0.completedOn',
      'indicators.0.value',
      'experiences.0.title',
      'experiences.0.category',
      'property extra should not exist',
    ]) {
      expect(joined).toContain(path);
    }
  });

  it('requires the task list', async () => {
    expect((await problemsOf(ReportInput, {})).join()).toContain('tasks must be an array');
  });

  it('requires a non-blank note to return a report', async () => {
    expect(await problemsOf(ReturnReportDto, { note: '   ' })).toEqual(['note must not be empty']);
    expect(await problemsOf(ReturnReportDto, {})).not.toEqual([]);
    expect(await problemsOf(ReturnReportDto, { note: '请补充' })).toEqual([]);
  });
});
