// A database with the day's daily forms for printing, written through the core's own methods (as the office would enter
// them): a company, a manager with a signature image, reps with plans and reports of many lines (long texts among
// them), submitted and signed. Used by the print e2e test and the print benchmark.
import { PNG } from 'pngjs';
import type { Input, MethodName, Output } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/core';

export const PRINT_ADMIN = { name: 'admin', password: 'admin123' };
export const PRINT_MANAGER = { name: '王经理', password: 'manager123' };

const shops = ['华联超市', '鼎盛商贸', '新天地便利店', '百家福连锁超市', '万嘉食品批发部', '金穗粮油店', '佳美生活超市', '永辉副食'];
const cities = ['郑州', '开封', '洛阳', '新乡', '许昌'];
const surnames = '张王李赵陈刘杨黄周吴徐孙胡朱高林何郭马罗';
const given = ['伟', '娜', '强', '磊', '洋', '静', '敏', '军', '杰', '丽', '涛', '芳'];

const longOutcome =
  '老板同意下周起试销两款新品，陈列位置放在收银台旁边的端架，促销员周末到店做试吃；要求首批货到店后三十天结款，' +
  '并希望公司提供冰柜一台。店内竞品本月在做买二送一，客流明显增加，需要尽快报价回应。';

/** A feedback of about 1,000 characters, ending in a sentence the print must still show. */
export const LONG_FEEDBACK = `${'经销商反映隔壁片区的货以低于出厂价的价格流入本区，批号显示来自新乡仓库，已拍照留存。'.repeat(24)}请尽快核实并处理。`;

/** The office's calendar day here (the core dates forms by local time). */
export function localToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A small signature: a pen stroke on white, as a PNG. */
function signaturePng(): string {
  const png = new PNG({ width: 240, height: 80 });
  png.data.fill(255);
  for (let x = 10; x < 230; x++) {
    const y = Math.round(40 + 22 * Math.sin(x / 18) * Math.cos(x / 47));
    for (let dy = -1; dy <= 1; dy++) {
      const i = ((y + dy) * 240 + x) * 4;
      png.data[i] = png.data[i + 1] = 20;
      png.data[i + 2] = 120;
    }
  }
  return PNG.sync.write(png).toString('base64');
}

export interface PrintSeed {
  date: string;
  reps: Array<{ id: number; name: string; planLines: number; reportLines: number }>;
}

/**
 * Writes the forms of `date` for `reps` reps. Each rep i gets a plan of `lines(i)` lines and a report of the same visits;
 * every form is submitted and signed by the manager, except the last rep's, which stay submitted (unsigned).
 */
export async function seedPrintDb(
  dbFile: string,
  options: { reps: number; lines: (i: number) => number; date?: string },
): Promise<PrintSeed> {
  const date = options.date ?? localToday();
  const core: Core = createCore(dbFile);
  let session = '';
  const ok = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const res = await core.call(method, input, { session });
    if (!res.ok) throw new Error(`${method}: ${JSON.stringify(res.error)}`);
    return res.data as Output<M>;
  };
  try {
    const init = await ok('settings.initialize', { companyName: '华众商贸有限公司', loadDemo: false, admin: PRINT_ADMIN });
    session = init.session;
    const manager = await ok('operators.save', { name: PRINT_MANAGER.name, role: 'manager', password: PRINT_MANAGER.password });
    await ok('operators.setSignature', { id: manager.id, imageBase64: signaturePng() });
    session = (await ok('auth.signIn', PRINT_MANAGER)).session;
    const team = await ok('teams.save', { name: '郑州一组' });
    const customers: number[] = [];
    for (let i = 0; i < 40; i++) {
      const name = `${cities[i % cities.length]}${shops[i % shops.length]}${i >= shops.length ? `（${Math.floor(i / shops.length) + 1}号店）` : ''}`;
      customers.push((await ok('customers.save', { name })).id);
    }
    const reps: PrintSeed['reps'] = [];
    for (let r = 0; r < options.reps; r++) {
      const name = `${surnames[r % surnames.length]}${given[Math.floor(r / surnames.length) % given.length]}${r >= surnames.length * given.length ? r : ''}`;
      const rep = await ok('reps.save', { name, teamId: r % 2 === 0 ? team.id : null });
      const n = Math.min(40, options.lines(r));
      const plan = await ok('visitPlans.save', {
        repId: rep.id,
        date,
        notes: r === 0 ? '本周重点：回收四月货款，推进新品进场。' : '',
        lines: Array.from({ length: n }, (_, i) => ({
          customerId: customers[i]!,
          plannedTime: `${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
          purposes: i % 3 === 0 ? (['collect', 'order'] as const) : (['service'] as const),
          contact: '李经理',
          notes: i % 5 === 1 ? '上次反映的临期品退换问题需要当面确认处理方案，并带上新品样品和价格表。' : '',
        })),
      });
      const report = await ok('dailyReports.save', {
        repId: rep.id,
        date,
        attendance: 'present',
        problems: '华联超市要求延长账期到 60 天，需要经理批准；新天地便利店反映送货不及时。',
        tomorrowPlan: '跟进鼎盛商贸的新品进场，收回新天地便利店四月货款。',
        lines: plan.lines.map((l, i) => ({
          planLineId: l.id,
          customerId: l.customerId,
          done: i % 7 !== 6,
          reason: i % 7 === 6 ? '店主外出，改约周五' : undefined,
          outcome: i % 3 === 0 ? longOutcome : '补货 20 箱，下周送达',
          nextStep: '周五回访',
          orderFen: i % 2 === 0 ? 123_400 + i * 100 : 0,
          collectedFen: i % 3 === 0 ? 50_000 : 0,
        })),
      });
      for (const [kind, id] of [
        ['visitPlans', plan.id],
        ['dailyReports', report.id],
      ] as const) {
        await ok(`${kind}.submit`, { id });
        if (r < options.reps - 1) await ok(`${kind}.sign`, { id, password: PRINT_MANAGER.password, comment: '同意' });
      }
      // market feedback from the first two reps, one of them far longer than a row can hold
      if (r < 2) {
        for (let k = 0; k < 3; k++) {
          await ok('marketFeedback.save', {
            date,
            repId: rep.id,
            feedbackType: k === 0 ? 'violation' : 'competitor',
            urgency: k === 0 ? 'critical' : 'normal',
            subject: k === 0 ? '窜货' : '竞品促销',
            content: k === 0 && r === 0 ? LONG_FEEDBACK : '康师傅在华联超市做买二送一，端架陈列，持续到月底。',
            competitor: k === 0 ? '' : '康师傅',
            customerId: customers[k]!,
          });
        }
      }
      reps.push({ id: rep.id, name, planLines: n, reportLines: n });
    }
    return { date, reps };
  } finally {
    core.close();
  }
}
