import { startTestApp, type TestApp } from '../helpers/app.js';
import { type Page, type Pilot, type Task, UNKNOWN_ID, UUID } from '../helpers/contract.js';
import { createPilot, createTask, taskInput } from '../helpers/factories.js';
import { API, bodyOf, expectError, expectInvalidFields, type Api } from '../helpers/http.js';

describe('tasks', () => {
  let t: TestApp;
  let admin: Api;
  let pilot: Pilot;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.as(await t.adminToken());
    pilot = await createPilot(t);
  });
  afterAll(() => t?.close());

  const tasksOf = (pilotId: string) => `${API}/pilots/${pilotId}/tasks`;

  describe('POST /pilots/:pilotId/tasks', () => {
    it('creates a task with its milestones and indicators, each with an id', async () => {
      const input = taskInput({
        description: '推进公共建筑屋顶光伏 Rooftop PV on public buildings',
        leadUnit: '市发展改革委',
        startDate: '2024-01-01',
      });
      const task = bodyOf<Task>(await admin.post(tasksOf(pilot.id), input), 201);

      const { milestones, indicators, ...fields } = input;
      expect(task).toMatchObject(fields);
      expect(task.id).toMatch(UUID);
      expect(task.milestones).toHaveLength(2);
      expect(task.milestones).toEqual(expect.arrayContaining(milestones!.map((m) => expect.objectContaining(m))));
      expect(task.indicators).toEqual([expect.objectContaining(indicators![0])]);
      for (const child of [...task.milestones, ...task.indicators]) expect(child.id).toMatch(UUID);
    });

    it('creates a task without milestones or indicators', async () => {
      const task = bodyOf<Task>(
        await admin.post(tasksOf(pilot.id), taskInput({ milestones: undefined, indicators: undefined, category: 'policy' })),
        201,
      );
      expect(task).toMatchObject({ category: 'policy', milestones: [], indicators: [] });
    });

    it('answers 409 for a code already used within the pilot', async () => {
      const { code } = await createTask(t, pilot.id);
      expectError(await admin.post(tasksOf(pilot.id), taskInput({ code })), 409);
    });

    it('allows the same code in another pilot', async () => {
      const { code } = await createTask(t, pilot.id);
      const other = await createPilot(t);
      expect(await admin.post(tasksOf(other.id), taskInput({ code }))).toHaveStatus(201);
    });

    it('answers 404 for an unknown pilot', async () => {
      expectError(await admin.post(tasksOf(UNKNOWN_ID), taskInput()), 404);
    });

    it('names every invalid field, nested ones included', async () => {
      const response = await admin.post(
        tasksOf(pilot.id),
        taskInput({
          category: 'space' as never,
          dueDate: '2025-02-30',
          milestones: [{ title: 'm', dueDate: 'soon' }],
          indicators: [{ ...taskInput().indicators![0]!, direction: 'sideways' as never }],
        }),
      );
      expectInvalidFields(response, ['category', 'dueDate', 'milestones', 'indicators']);
      const messages = (response.body as { message: string[] }).message.join('\n');
      expect(messages).toMatch(/milestones.*dueDate/);
      expect(messages).toMatch(/indicators.*direction/);
    });

    it.each(['title', 'category', 'dueDate', 'code'] as const)('answers 400 when %s is missing', async (field) => {
      const { [field]: _missing, ...input } = taskInput();
      expectInvalidFields(await admin.post(tasksOf(pilot.id), input), [field]);
    });
  });

  describe('GET /pilots/:pilotId/tasks', () => {
    it('lists the pilot\'s tasks, each with milestones and indicators', async () => {
      const own = await createPilot(t);
      const [first, second] = [await createTask(t, own.id), await createTask(t, own.id)];
      await createTask(t, pilot.id);

      const page = bodyOf<Page<Task>>(await admin.get(tasksOf(own.id)), 200);
      expect(page.total).toBe(2);
      expect(page.items.map((task) => task.id).sort()).toEqual([first.id, second.id].sort());
      for (const task of page.items) {
        expect(task.milestones).toHaveLength(2);
        expect(task.indicators).toHaveLength(1);
      }
    });

    it('answers an empty list for a pilot without tasks', async () => {
      const empty = await createPilot(t);
      expect(bodyOf<Page<Task>>(await admin.get(tasksOf(empty.id)), 200)).toEqual({ items: [], total: 0 });
    });

    it('answers 404 for an unknown pilot', async () => {
      expectError(await admin.get(tasksOf(UNKNOWN_ID)), 404);
    });
  });

  describe('GET /tasks/:id', () => {
    it('answers the task with its milestones and indicators', async () => {
      const task = await createTask(t, pilot.id);
      const found = bodyOf<Task>(await admin.get(`${API}/tasks/${task.id}`), 200);
      expect(found).toMatchObject({ id: task.id, code: task.code, title: task.title, dueDate: task.dueDate });
      expect(found.milestones.map((m) => m.id).sort()).toEqual(task.milestones.map((m) => m.id).sort());
      expect(found.indicators.map((i) => i.id)).toEqual(task.indicators.map((i) => i.id));
    });

    it('answers 404 for an unknown id', async () => {
      expectError(await admin.get(`${API}/tasks/${UNKNOWN_ID}`), 404);
    });
  });

  describe('PATCH /tasks/:id', () => {
    it('updates the given fields and answers 200 with the task', async () => {
      const task = await createTask(t, pilot.id);
      const updated = bodyOf<Task>(
        await admin.patch(`${API}/tasks/${task.id}`, { title: '新标题 New title', dueDate: '2026-06-30', category: 'buildings' }),
        200,
      );
      expect(updated).toMatchObject({ id: task.id, code: task.code, title: '新标题 New title', dueDate: '2026-06-30', category: 'buildings' });
      expect(bodyOf<Task>(await admin.get(`${API}/tasks/${task.id}`), 200).title).toBe('新标题 New title');
    });

    it('keeps every field it was not given, in its answer and in storage', async () => {
      const task = await createTask(t, pilot.id, { description: '描述 description', leadUnit: '市住建局', startDate: '2024-02-01' });
      const { milestones, indicators, ...fields } = task;

      const updated = bodyOf<Task>(await admin.patch(`${API}/tasks/${task.id}`, { title: 'Only the title' }), 200);
      const stored = bodyOf<Task>(await admin.get(`${API}/tasks/${task.id}`), 200);

      for (const found of [updated, stored]) {
        expect(found).toMatchObject({ ...fields, title: 'Only the title', updatedAt: expect.any(String) });
        expect(found.milestones.map((m) => m.id).sort()).toEqual(milestones.map((m) => m.id).sort());
        expect(found.indicators.map((i) => i.id)).toEqual(indicators.map((i) => i.id));
      }
    });

    it('answers 409 when the new code is taken within the pilot', async () => {
      const [first, second] = [await createTask(t, pilot.id), await createTask(t, pilot.id)];
      expectError(await admin.patch(`${API}/tasks/${second.id}`, { code: first.code }), 409);
    });

    it('answers 400 for an impossible date', async () => {
      const task = await createTask(t, pilot.id);
      expectInvalidFields(await admin.patch(`${API}/tasks/${task.id}`, { dueDate: '2025-13-01' }), ['dueDate']);
    });

    it('answers 404 for an unknown id', async () => {
      expectError(await admin.patch(`${API}/tasks/${UNKNOWN_ID}`, { title: 'x' }), 404);
    });
  });
});
