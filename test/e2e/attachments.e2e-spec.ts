import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { SummaryReport } from '../../src/summaries/entities/summary-report.entity.js';
import { SummaryDataBuilder } from '../../src/summaries/summary-data.builder.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Page, Report, Revision } from '../helpers/contract.js';
import { createDraft, createPeriod, createUser, inNewPeriod, reportActions, reportUrl, world, type World } from '../helpers/factories.js';
import { API, bearer, bodyOf, expectError } from '../helpers/http.js';
import { binary, bytesOf, fixture, postMultipart, xlsxFile } from '../fixtures/spreadsheets.js';

interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  bytes: number;
  sha256: string;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb', 'hex'), Buffer.alloc(64, 1), Buffer.from('ffd9', 'hex')]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('evidence attachments', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const filesOf = (reportId: string) => `${reportUrl(reportId)}/attachments`;
  const upload = (token: string, reportId: string, bytes: Buffer, filename: string, field = 'file') =>
    postMultipart(t, token, filesOf(reportId), bytes, filename, field);
  const uploaded = async (token: string, reportId: string, bytes: Buffer, filename: string) =>
    bodyOf<Attachment>(await upload(token, reportId, bytes, filename), 201);
  const download = (token: string, reportId: string, id: string) => binary(t.http.get(`${filesOf(reportId)}/${id}`).set(bearer(token)));
  /** The same request, its (error) answer read as JSON. */
  const get = (token: string, reportId: string, id: string) => t.as(token).get(`${filesOf(reportId)}/${id}`);
  const remove = (token: string, reportId: string, id: string) => t.as(token).delete(`${filesOf(reportId)}/${id}`);

  describe('upload', () => {
    let w: World;
    let reportId: string;

    beforeAll(async () => {
      w = await world(t);
      reportId = (await createDraft(t, w)).report.id;
    });

    it('takes PDF, PNG, JPEG, DOCX and XLSX, judged by their bytes, with safe names (Chinese kept)', async () => {
      const docx = await fixture('evidence.docx');
      const xlsx = await xlsxFile([['指标', '数值'], ['光伏装机', 12.5]]);
      const cases: [Buffer, string, string, string][] = [
        [PDF, '进展佐证材料.pdf', 'application/pdf', '进展佐证材料.pdf'],
        [PNG, '../../etc/现场照片.PNG', 'image/png', '现场照片.png'],
        [JPEG, 'C:\\Users\\张三\\scan.jpeg', 'image/jpeg', 'scan.jpeg'],
        [docx, '验收报告.pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '验收报告.docx'],
        [xlsx, '.指标"统计"<表>\u202e', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '指标统计表.xlsx'],
      ];
      for (const [bytes, name, contentType, filename] of cases) {
        expect(await uploaded(w.pilotUser.token, reportId, bytes, name)).toEqual({
          id: expect.any(String),
          filename,
          contentType,
          bytes: bytes.length,
          sha256: sha256(bytes),
          uploadedBy: w.pilotUser.user.id,
          createdAt: expect.any(String),
        });
      }
      const list = bodyOf<Page<Attachment>>(await t.as(w.pilotUser.token).get(filesOf(reportId)), 200);
      expect(list.total).toBe(5);
      expect(list.items.map((a) => a.filename)).toEqual(cases.map(([, , , filename]) => filename));
    });

    it('refuses (415) a file named .pdf whose bytes are HTML, an empty file, and a JSON body', async () => {
      expectError(await upload(w.pilotUser.token, reportId, HTML, 'report.pdf'), 415);
      expectError(await upload(w.pilotUser.token, reportId, Buffer.alloc(0), 'empty.pdf'), 415);
      expectError(await t.as(w.pilotUser.token).post(filesOf(reportId), { file: PDF.toString('base64') }), 415);
    });

    it('answers 413 for a file over 20 MiB', async () => {
      const huge = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024, 0x20)]);
      expectError(await upload(w.pilotUser.token, reportId, huge, 'huge.pdf'), 413);
    });

    it('wants exactly one part named file', async () => {
      expectError(await upload(w.pilotUser.token, reportId, PDF, 'a.pdf', 'document'), 400);
      expectError(await t.http.post(filesOf(reportId)).set(bearer(w.pilotUser.token)).field('note', 'no file'), 400);
    });

    it('moves the report ETag on, and records the upload in the audit trail', async () => {
      const before = (await reportActions(t, w).get()).headers.etag;
      const file = await uploaded(w.pilotUser.token, reportId, PDF, 'etag.pdf');
      const after = await reportActions(t, w).get();
      expect(after.headers.etag).not.toBe(before);
      expect((after.body as { attachments: Attachment[] }).attachments.map((a) => a.id)).toContain(file.id);
      const [event] = await t.app.get(DataSource).query(`SELECT action, details FROM audit_events WHERE entity_id = $1`, [file.id]);
      expect(event).toMatchObject({ action: 'attachment.upload', details: { reportId, filename: 'etag.pdf', sha256: sha256(PDF) } });
    });
  });

  describe('download and scope', () => {
    let w: World;
    let reportId: string;
    let file: Attachment;

    beforeAll(async () => {
      w = await world(t, { reviewerProvince: '河北省' });
      reportId = (await createDraft(t, w)).report.id;
      file = await uploaded(w.pilotUser.token, reportId, PNG, '现场 照片.png');
    });

    it('sends the file as an attachment, never sniffed', async () => {
      const response = await download(w.reviewer.token, reportId, file.id);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="?? ??.png"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87.png`);
      expect(Number(response.headers['content-length'])).toBe(PNG.length);
      expect(bytesOf(response)).toEqual(PNG);
    });

    it("answers 404 outside the caller's scope, and 403 to reviewers who try to upload", async () => {
      const stranger = await createUser(t, 'pilot', { pilotId: (await world(t)).pilot.id });
      const shanxiReviewer = await createUser(t, 'reviewer', { province: '山西省' });
      for (const token of [stranger.token, shanxiReviewer.token]) {
        expectError(await get(token, reportId, file.id), 404);
        expectError(await t.as(token).get(filesOf(reportId)), 404);
      }
      expectError(await upload(stranger.token, reportId, PDF, 'x.pdf'), 404);
      expectError(await remove(stranger.token, reportId, file.id), 404);
      expectError(await upload(w.reviewer.token, reportId, PDF, 'x.pdf'), 403);
      expectError(await remove(w.reviewer.token, reportId, file.id), 403);
      expectError(await get(admin, randomUUID(), file.id), 404);
      expectError(await get(admin, reportId, randomUUID()), 404);
      expect((await download(admin, reportId, file.id)).status).toBe(200);
    });
  });

  describe('while the report changes', () => {
    it('refuses changes (409) once the report is submitted, and while its period is closed', async () => {
      const w = await world(t);
      const { report } = await createDraft(t, w);
      const file = await uploaded(w.pilotUser.token, report.id, PDF, 'a.pdf');
      bodyOf(await reportActions(t, w).submit(report.id), 200);
      expectError(await upload(w.pilotUser.token, report.id, PDF, 'b.pdf'), 409);
      expectError(await remove(w.pilotUser.token, report.id, file.id), 409);

      const open = await inNewPeriod(t, w);
      const draft = (await createDraft(t, open)).report;
      bodyOf(await t.as(admin).post(`${API}/periods/${open.period.id}/close`), 200);
      expectError(await upload(admin, draft.id, PDF, 'c.pdf'), 409);
      bodyOf(await t.as(admin).post(`${API}/periods/${open.period.id}/reopen`), 200);
      bodyOf(await upload(admin, draft.id, PDF, 'c.pdf'), 201);
    });

    it('keeps the files a revision lists downloadable after they are deleted', async () => {
      const w = await world(t);
      const { report } = await createDraft(t, w);
      const kept = await uploaded(w.pilotUser.token, report.id, PDF, '第一版佐证.pdf');
      const other = await uploaded(w.pilotUser.token, report.id, PNG, 'photo.png');
      bodyOf(await reportActions(t, w).submit(report.id), 200);
      bodyOf(await reportActions(t, w).return(report.id), 200);

      expect((await remove(w.pilotUser.token, report.id, kept.id)).status).toBe(204);
      const draftOnly = await uploaded(w.pilotUser.token, report.id, JPEG, 'draft.jpg');
      expect((await remove(w.pilotUser.token, report.id, draftOnly.id)).status).toBe(204);
      expectError(await remove(w.pilotUser.token, report.id, kept.id), 404);

      const view = bodyOf<Report & { attachments: Attachment[] }>(await t.as(w.pilotUser.token).get(reportUrl(report.id)), 200);
      expect(view.attachments.map((a) => a.id)).toEqual([other.id]);
      expect(bodyOf<Page<Attachment>>(await t.as(w.pilotUser.token).get(filesOf(report.id)), 200).total).toBe(1);

      const revisions = bodyOf<Page<Revision>>(await t.as(w.reviewer.token).get(reportUrl(report.id, 'revisions')), 200);
      const listed = (revisions.items[0]!.content.attachments as Attachment[]).map((a) => [a.id, a.filename, a.sha256]);
      expect(listed).toEqual([
        [kept.id, '第一版佐证.pdf', sha256(PDF)],
        [other.id, 'photo.png', sha256(PNG)],
      ]);
      const again = await download(w.reviewer.token, report.id, kept.id);
      expect(again.status).toBe(200);
      expect(bytesOf(again)).toEqual(PDF);
      expectError(await get(w.reviewer.token, report.id, draftOnly.id), 404);

      bodyOf(await reportActions(t, w).submit(report.id), 200);
      const resubmitted = bodyOf<Page<Revision>>(await t.as(w.reviewer.token).get(reportUrl(report.id, 'revisions')), 200);
      expect((resubmitted.items[1]!.content.attachments as Attachment[]).map((a) => a.id)).toEqual([other.id]);
    });
  });

  it("lists each pilot's evidence file names in the summary PDF's data", async () => {
    const period = await createPeriod(t);
    const w = await world(t, { period });
    const { report } = await createDraft(t, w);
    await uploaded(w.pilotUser.token, report.id, PDF, '并网验收报告.pdf');
    const quiet = await world(t, { period });
    await uploaded(quiet.pilotUser.token, (await createDraft(t, quiet)).report.id, PDF, 'draft-only.pdf');
    bodyOf(await reportActions(t, w).submit(report.id), 200);

    const data = await t.app.get(SummaryDataBuilder).build({
      id: randomUUID(),
      periodId: period.id,
      provinceZh: null,
      provinceEn: null,
      pilotIds: [w.pilot.id, quiet.pilot.id],
      language: 'zh',
      asOf: '2024-06-30',
    } as SummaryReport);
    const sections = new Map(data.pilots.map((p) => [p.id, p]));
    expect(sections.get(w.pilot.id)!.attachments).toEqual(['并网验收报告.pdf']);
    expect(sections.get(quiet.pilot.id)!.attachments).toEqual([]);
  });
});
