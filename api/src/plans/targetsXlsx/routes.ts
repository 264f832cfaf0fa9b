import { createRoute, z } from '@hono/zod-openapi';
import { MAX_IMPORT_BYTES, MAX_IMPORT_INFLATED_BYTES, TargetsUploadReport, type TargetsCellError } from '@marsad/contracts';
import { withActor } from '@marsad/db';
import { bodyLimit } from 'hono/body-limit';
import { PLAN_DRAFTERS, planScope } from '../../access/planAccess.ts';
import type { Viewer } from '../../access/Viewer.ts';
import { named } from '../../http/openApiNames.ts';
import { json } from '../../http/openApiRoutes.ts';
import { canonicalWholeNumber } from '../../http/pathId.ts';
import { contentTooLarge, forbidden, invalidParameter, invalidRequest, notFound, unprocessable } from '../../http/problems.ts';
import { createRouter } from '../../http/router.ts';
import { assertCurrent, draftForChange, drafters, noSuchPlan, PlanParams, readsDrafts } from '../lifecycle/planRequest.ts';
import { countryExists, findPlan, findVersion, insertPlan, replaceTargets, versionOfStatus, type PlanRow, type VersionRow } from '../lifecycle/queries.ts';
import { checkTargetLines, loadTargetContext } from '../lifecycle/targetRules.ts';
import { targetSheetRows, templateSheetRows } from './queries.ts';
import { MAX_TARGET_ROWS, readTargetsWorkbook, type ReadWorkbook } from './readTargetsWorkbook.ts';
import { writeTargetsWorkbook, type TargetsSheetRow } from './writeTargetsWorkbook.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;
const tooLarge = () => contentTooLarge(`Files over ${MAX_IMPORT_BYTES / MB} MB are not accepted; a plan's targets fit in far less`);
const SEND_A_FILE = 'Send the workbook as multipart/form-data in a field named file, with the draft\'s version in a field named version';

const isDrafter = (viewer: Viewer) => viewer.kind === 'user' && PLAN_DRAFTERS.includes(viewer.role);

function attachment(name: string): string {
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The version a download holds when none is asked for: the draft for those who read drafts, else the one in force. */
async function defaultVersion(db: Parameters<typeof versionOfStatus>[0], plan: PlanRow, viewer: Viewer): Promise<VersionRow | undefined> {
  return (readsDrafts(viewer) ? await versionOfStatus(db, plan.id, 'draft') : undefined) ?? (await versionOfStatus(db, plan.id, 'approved'));
}

/** Every bad cell: the reader's, then the rules' (mapped from line and field to the cell), one message per cell. */
function cellErrors(read: ReadWorkbook, lineErrors: ReturnType<typeof checkTargetLines>['errors']): TargetsCellError[] {
  const fromRules = lineErrors.map((e): TargetsCellError => {
    const row = read.lines[e.line]!.row;
    const column = e.field === 'quarters' ? read.letters[`q${(e.quarter ?? 0) + 1}` as 'q1'] : read.letters[e.field];
    return { sheet: read.sheet, row, column, cell: `${column}${row}`, message: e.message };
  });
  const seen = new Set<string>();
  return [...read.errors, ...fromRules]
    .filter((e) => (seen.has(e.cell) ? false : (seen.add(e.cell), true)))
    .sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
}

/** `…/targets.xlsx`: a plan's targets out to a spreadsheet and back in, checked cell by cell. */
export const targetsXlsxRoutes = createRouter();

targetsXlsxRoutes.use('/:country/:year/draft/targets.xlsx', bodyLimit({ maxSize: MAX_IMPORT_BYTES + 64 * 1024, onError: () => { throw tooLarge(); } }));

targetsXlsxRoutes
  .openapi(
    createRoute({
      method: 'get',
      path: '/{country}/{year}/targets.xlsx',
      tags: ['Plans'],
      summary: 'The targets as an Excel workbook (a template of every governorate × indicator for planners when there are none yet)',
      description:
        'One row per governorate × indicator (× sector): codes, names in English and Arabic, unit, sector and the cumulative Q1…Q4. ' +
        'Without `version`: the draft for those who read drafts, else the version in force. Engineers get their governorates\' rows.',
      request: { params: PlanParams, query: z.object({ version: canonicalWholeNumber(1, 32767).optional().openapi({ example: '1' }) }) },
      responses: {
        200: { description: 'The workbook, as an attachment', content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } },
        403: { description: 'A donor (no targets), or a draft asked for by someone who does not draft or approve' },
        404: { description: 'No such plan or version, or not visible' },
      },
    }),
    async (c) => {
      const { country, year } = c.req.valid('param');
      const { version: number } = c.req.valid('query');
      const viewer = c.var.viewer;
      const db = c.var.db;
      const plan = await findPlan(db, country, year);
      let rows: TargetsSheetRow[];
      let version: VersionRow | undefined;
      if (!plan) {
        if (!isDrafter(viewer) || number !== undefined) throw noSuchPlan(country, year);
        if (!(await countryExists(db, country))) throw notFound(`No country ${country}: use an ISO 3166-1 alpha-3 code such as SYR`);
        rows = [];
      } else {
        const scope = await planScope(db, viewer, plan.is_published);
        if (!scope) throw noSuchPlan(country, year);
        if (!scope.targets) throw forbidden('Donors see achieved values over the projects shared with them, not plan targets');
        version = number === undefined ? await defaultVersion(db, plan, viewer) : await findVersion(db, plan.id, number);
        if (!version || (version.status === 'draft' && viewer.kind === 'anonymous')) {
          throw notFound(number === undefined ? `Nothing of the plan for ${country} ${year} is approved yet` : `The plan for ${country} ${year} has no version ${number}`);
        }
        if (version.status === 'draft' && !readsDrafts(viewer)) throw forbidden('A draft plan is read by planners, ministers and admins until it is approved');
        rows = await targetSheetRows(db, version.id, scope.governorates);
      }
      const template = rows.length === 0 && isDrafter(viewer);
      if (template) rows = await templateSheetRows(db, country);
      const exportedAt = new Date();
      const bytes = await writeTargetsWorkbook(rows, { country, year, version: version ?? null, template, exportedAt });
      const name = `marsad-targets-${country}-${year}-${template ? 'template' : `v${version!.number}`}.xlsx`;
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX,
        'content-disposition': attachment(name),
        'cache-control': 'private, no-store',
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{country}/{year}/draft/targets.xlsx',
      tags: ['Plans'],
      summary: "Upload the draft's targets from an Excel workbook: a dry run (the default) lists every bad cell; otherwise they replace the draft's when clean",
      description:
        'The sheet as targets.xlsx makes it: a row whose four quarters are empty sets no target. Every bad cell is listed (sheet, row, column, cell, message): ' +
        'an unknown governorate, one of another country, an unknown indicator, a sector on a reported indicator, not a number, a negative, quarters that ' +
        'decrease for a flow, a percentage above 100, a line given twice. Nothing is written on a dry run or while any cell is bad. ' +
        "Without a plan, applying creates it with this draft; with an approved version and no draft, start a revision first. Planners and admins.",
      middleware: [drafters] as const,
      request: {
        params: PlanParams,
        query: z.object({ dry_run: z.enum(['true', 'false']).default('true').transform((v) => v === 'true') }),
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                file: z.any().openapi({ type: 'string', format: 'binary' }),
                version: z.string().optional().openapi({ description: "The draft's version the file is based on (required to apply to an existing draft)" }),
              }),
            },
          },
        },
      },
      responses: {
        200: { description: 'The report: a dry run, or applied', content: json(named(TargetsUploadReport, 'TargetsUploadReport')) },
        400: { description: 'Not a workbook, a required column missing, or a malformed version' },
        401: { description: 'Not signed in' },
        403: { description: 'Not a planner or an admin' },
        404: { description: 'No such country' },
        409: { description: 'The draft changed since `version`, or there is no draft (start a revision first)' },
        413: { description: `A file over ${MAX_IMPORT_BYTES / MB} MB, inflating past ${MAX_IMPORT_INFLATED_BYTES / MB} MB, or over ${MAX_TARGET_ROWS} rows` },
        422: { description: 'Bad cells (each in `errors`); nothing was written' },
      },
    }),
    async (c) => {
      const { country, year } = c.req.valid('param');
      const { dry_run } = c.req.valid('query');
      const length = Number(c.req.header('content-length'));
      if (Number.isFinite(length) && length > MAX_IMPORT_BYTES + 64 * 1024) throw tooLarge();
      let form: Record<string, unknown>;
      try {
        form = await c.req.parseBody();
      } catch {
        throw invalidRequest(SEND_A_FILE);
      }
      const file = form['file'];
      if (!(file instanceof File)) throw invalidRequest(SEND_A_FILE);
      if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
      const versionText = form['version'];
      let sentVersion: number | undefined;
      if (versionText !== undefined && versionText !== '') {
        if (typeof versionText !== 'string' || !/^[1-9][0-9]{0,8}$/.test(versionText)) throw invalidParameter('version', "must be the draft's version, a whole number such as 3");
        sentVersion = Number(versionText);
      }

      const db = c.var.db;
      if (!(await countryExists(db, country))) throw notFound(`No country ${country}: use an ISO 3166-1 alpha-3 code such as SYR`);
      const existing = await findPlan(db, country, year);
      if (existing) await draftForChange(db, existing); // 409 "start a revision first" before reading the file

      const read = await readTargetsWorkbook(new Uint8Array(await file.arrayBuffer()));
      const context = await loadTargetContext(db, country, read.lines.map((l) => l.input.governorate));
      const checked = checkTargetLines(
        read.lines.map((l) => l.input),
        context,
        (line) => `row ${read.lines[line]!.row}`,
      );
      const errors = cellErrors(read, checked.errors);
      const report = { ok: errors.length === 0, dry_run, applied: false, lines: read.lines.length, version: null as number | null, errors };
      if (dry_run) {
        c.set('wroteNothing', true);
        return c.json(report, 200);
      }
      if (errors.length) {
        throw unprocessable(`${errors.length} cell(s) of the workbook are wrong; nothing was changed: fix them and upload it again`, {
          errors: errors.map((e) => ({ parameter: `${e.sheet}!${e.cell}`, ...e })),
        });
      }
      const version = await withActor(db, c.var.user.userId, async (tx) => {
        const found = await findPlan(tx, country, year, true);
        const plan = found ?? (await insertPlan(tx, country, year, c.var.user.userId));
        const draft = await draftForChange(tx, plan);
        if (found) {
          if (sentVersion === undefined) throw invalidParameter('version', `send the draft's version with the file (it is ${draft.version}: GET …/draft/targets)`);
          assertCurrent(draft, sentVersion);
        }
        return replaceTargets(tx, draft.id, checked.lines);
      });
      return c.json({ ...report, applied: true, version }, 200);
    },
  );
