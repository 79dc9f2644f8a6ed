import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobName, QueueName } from '../../src/jobs/job-catalogue.js';
import { JobQueue } from '../../src/jobs/job-queue.service.js';
import { SummaryRendererService } from '../../src/summaries/summary-renderer.service.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Period, Report } from '../helpers/contract.js';
import { createPeriod, createSubmitted, createUser, reportActions, world, type World } from '../helpers/factories.js';
import { API, bodyOf } from '../helpers/http.js';
import { pdfText } from '../helpers/pdf-text.js';
import { eventually, startTestWorker } from '../helpers/workers.js';

interface Summary {
  id: string;
  periodId: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  progress: number;
  language: 'zh' | 'en';
  province: string | null;
  pageCount?: number;
  bytes?: number;
  sha256?: string;
  error?: string;
  finishedAt?: string;
}

/**
 * The API process here runs no workers (APP_ROLE=api), so a summary stays queued until a worker
 * context is started against the same database and Redis prefix — as in a split deployment.
 */
describe('summary PDFs', () => {
  let t: TestApp;
  let admin: string;
  let period: Period;
  let hebei: World;
  let shanxi: World;

  beforeAll(async () => {
    t = await startTestApp({ APP_ROLE: 'api' });
    admin = await t.adminToken();
    period = await createPeriod(t, { label: `2024-Q1-${Date.now()}` });
    hebei = await world(t, { period, reviewerProvince: '河北省' });
    shanxi = await world(t, { period, provinceZh: '山西省', provinceEn: 'Shanxi' });
    const report = await createSubmitted(t, hebei);
    bodyOf<Report>(await reportActions(t, hebei).accept(report.id), 200);
  });
  afterAll(() => t.close());

  const request = (token: string, body: object) => t.as(token).post(`${API}/summaries`, body);
  const summaryOf = async (id: string) => bodyOf<Summary>(await t.as(admin).get(`${API}/summaries/${id}`), 200);
  const downloadPdf = async (id: string): Promise<Buffer> => {
    const response = await t.as(admin).get(`${API}/summaries/${id}/pdf`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="summary-/);
    return response.body as Buffer;
  };
  const whenFinished = (id: string) =>
    eventually(async () => {
      const summary = await summaryOf(id);
      return summary.status === 'ready' || summary.status === 'failed' ? summary : null;
    }, 30_000);

  it('queues a request, refuses the download until a worker renders it, then streams the PDF', async () => {
    const queued = bodyOf<Summary>(await request(admin, { periodId: period.id, language: 'zh', asOf: '2024-06-30' }), 202);
    expect(queued).toMatchObject({ status: 'queued', progress: 0, language: 'zh', periodId: period.id });
    const early = await t.as(admin).get(`${API}/summaries/${queued.id}/pdf`);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/not ready/);

    const worker = await startTestWorker(t.config);
    try {
      const ready = await whenFinished(queued.id);
      expect(ready).toMatchObject({ status: 'ready', progress: 100 });
      expect(ready.pageCount).toBeGreaterThan(1);

      const disposition = (await t.as(admin).get(`${API}/summaries/${queued.id}/pdf`)).headers['content-disposition'];
      expect(disposition).toContain(`filename="summary-${period.label}-zh.pdf"`);
      const bytes = await downloadPdf(queued.id);
      expect(bytes.length).toBe(ready.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(ready.sha256);

      const { pages, text } = await pdfText(bytes);
      expect(pages).toBe(ready.pageCount);
      expect(text).toContain('国家碳达峰试点进展汇总报告');
      expect(text).toContain(hebei.pilot.nameZh);
      expect(text).toContain(shanxi.pilot.nameZh);
      expect(text).toContain('未提交');
      expect(text).toContain(hebei.task.title);
      expect(text).toContain('光伏整县推进模式');
    } finally {
      await worker.close();
    }
  });

  it('renders English on request', async () => {
    const queued = bodyOf<Summary>(await request(admin, { periodId: period.id, language: 'en', pilotIds: [shanxi.pilot.id] }), 202);
    const worker = await startTestWorker(t.config);
    try {
      const ready = await whenFinished(queued.id);
      expect(ready.status).toBe('ready');
      const { text } = await pdfText(await downloadPdf(queued.id));
      expect(text).toContain('Carbon-Peaking Pilot Progress Summary');
      expect(text).toContain(shanxi.pilot.nameEn);
      expect(text).not.toContain(hebei.pilot.nameEn);
      expect(text).toMatch(/not submitted/i);
    } finally {
      await worker.close();
    }
  });

  it('renders a summary whose job Redis lost as soon as a worker starts, and leaves jobs Redis holds alone', async () => {
    const lost = bodyOf<Summary>(await request(admin, { periodId: period.id, language: 'en' }), 202);
    const held = bodyOf<Summary>(await request(admin, { periodId: period.id }), 202);
    const jobs = t.app.get(JobQueue);
    // As when the request came while Redis was away, or Redis restarted without its data.
    await jobs.queue(QueueName.Summaries).remove(`render-summary.${lost.id}`);
    expect(await jobs.holds(JobName.RenderSummary, { summaryId: lost.id })).toBe(false);
    expect(await jobs.holds(JobName.RenderSummary, { summaryId: held.id })).toBe(true);

    const worker = await startTestWorker(t.config);
    try {
      expect(await whenFinished(lost.id)).toMatchObject({ status: 'ready' });
      expect(await whenFinished(held.id)).toMatchObject({ status: 'ready' });
      const heldJob = await jobs.queue(QueueName.Summaries).getJob(`render-summary.${held.id}`);
      expect(heldJob?.attemptsMade).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it('retries a job that fails once, and renders it exactly once', async () => {
    let calls = 0;
    const flaky = {
      render: async (...args: Parameters<SummaryRendererService['render']>) => {
        calls += 1;
        if (calls === 1) throw new Error('simulated renderer crash');
        return new SummaryRendererService().render(...args);
      },
    };
    const queued = bodyOf<Summary>(await request(admin, { periodId: period.id }), 202);
    const worker = await startTestWorker(t.config, [{ provide: SummaryRendererService, useValue: flaky }]);
    try {
      const ready = await whenFinished(queued.id);
      expect(ready.status).toBe('ready');
      expect(calls).toBe(2);
      const files = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM summary_files WHERE summary_id = $1', [queued.id]);
      expect(files[0].n).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it('marks a summary failed with a readable error after the last attempt, and the download says why', async () => {
    const broken = { render: async () => Promise.reject(new Error('the template is broken')) };
    const queued = bodyOf<Summary>(await request(admin, { periodId: period.id }), 202);
    const worker = await startTestWorker(t.config, [{ provide: SummaryRendererService, useValue: broken }]);
    try {
      const failed = await whenFinished(queued.id);
      expect(failed).toMatchObject({ status: 'failed', error: 'the template is broken' });
      const download = await t.as(admin).get(`${API}/summaries/${queued.id}/pdf`);
      expect(download.status).toBe(409);
      expect(download.body.message).toContain('the template is broken');
    } finally {
      await worker.close();
    }
  }, 60_000);

  describe('who may request and read summaries', () => {
    it('keeps a province-scoped reviewer inside its province', async () => {
      const scoped = hebei.reviewer.token;
      const own = bodyOf<Summary>(await request(scoped, { periodId: period.id }), 202);
      expect(own.province).toBe('河北省');
      expect((await request(scoped, { periodId: period.id, province: 'Hebei' })).status).toBe(202);
      expect((await request(scoped, { periodId: period.id, province: 'Shanxi' })).status).toBe(403);
      expect((await request(scoped, { periodId: period.id, pilotIds: [shanxi.pilot.id] })).status).toBe(400);

      const other = bodyOf<Summary>(await request(admin, { periodId: period.id, province: '山西省' }), 202);
      expect((await t.as(scoped).get(`${API}/summaries/${other.id}`)).status).toBe(404);
      expect((await t.as(scoped).get(`${API}/summaries/${other.id}/pdf`)).status).toBe(404);
      const listed = bodyOf<{ items: Summary[] }>(await t.as(scoped).get(`${API}/summaries?periodId=${period.id}`), 200);
      expect(listed.items.length).toBeGreaterThan(0);
      expect(listed.items.every((s) => s.province === '河北省')).toBe(true);
    });

    it('refuses pilot users and bad requests', async () => {
      expect((await request(hebei.pilotUser.token, { periodId: period.id })).status).toBe(403);
      expect((await t.as(hebei.pilotUser.token).get(`${API}/summaries`)).status).toBe(403);
      expect((await request(admin, { periodId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
      const bad = await request(admin, { periodId: period.id, language: 'fr', asOf: '2024-02-30', extra: 1 });
      expect(bad.status).toBe(400);
      expect(bad.body.message.join(' ')).toMatch(/language[\s\S]*asOf|asOf[\s\S]*language/);
      expect((await request(admin, { periodId: period.id, province: 'Atlantis' })).status).toBe(400);
      const reviewer = await createUser(t, 'reviewer');
      expect((await t.as(reviewer.token).get(`${API}/summaries/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    });
  });
});
