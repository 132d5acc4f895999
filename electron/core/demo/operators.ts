// The demo's operators: a manager, one supervisor per team (the team's lead rep, by name and link), two clerks. The
// admin comes from first run or from `npm run demo -- --admin <name> --password <pw>` (default below). Passwords are
// the README's; one hash per password is shared by every demo operator (this is demo data, and hashing is slow).
import type { DB } from '../db/connection';
import { hashPassword, type ScryptCost, defaultCost } from '../modules/operators/passwords';

export const DEMO_ADMIN = { name: 'admin', password: 'admin123' } as const;
/** The password of every demo operator other than the admin. */
export const DEMO_PASSWORD = '123456';
export const DEMO_MANAGER = '周敏';
export const DEMO_CLERKS = ['刘芳', '陈静'] as const;

export interface DemoOperator {
  name: string;
  role: 'manager' | 'supervisor' | 'clerk';
  repId: number | null;
  /** the team a supervisor leads */
  teamName: string | null;
}

/** Who the demo operators are for the reps already in the database (each team's lead: active, others report to them). */
export function plannedDemoOperators(db: DB): DemoOperator[] {
  const leads = db
    .prepare(
      `select t.name as teamName, min(r.id) as repId from teams t
       join reps r on r.team_id = t.id and r.active = 1 and r.supervisor_id is null
         and exists (select 1 from reps m where m.supervisor_id = r.id)
       group by t.id order by t.id`,
    )
    .all() as Array<{ teamName: string; repId: number }>;
  const repName = db.prepare('select name from reps where id = ?');
  return [
    { name: DEMO_MANAGER, role: 'manager', repId: null, teamName: null },
    ...leads.map((l) => ({
      name: (repName.get(l.repId) as { name: string }).name,
      role: 'supervisor' as const,
      repId: l.repId,
      teamName: l.teamName,
    })),
    ...DEMO_CLERKS.map((name) => ({ name, role: 'clerk' as const, repId: null, teamName: null })),
  ];
}

/** Inserts the demo operators (skipping a name already taken, such as an admin of that name); returns those inserted. */
export function insertDemoOperators(db: DB, now: Date, cost: ScryptCost = defaultCost): DemoOperator[] {
  const hash = hashPassword(DEMO_PASSWORD, cost);
  const at = now.toISOString();
  const taken = db.prepare('select 1 from operators where name = ?');
  const insert = db.prepare(
    `insert into operators (name, role, rep_id, password_hash, active, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?)`,
  );
  const inserted: DemoOperator[] = [];
  for (const op of plannedDemoOperators(db)) {
    if (taken.get(op.name)) continue;
    insert.run(op.name, op.role, op.repId, hash, at, at);
    inserted.push(op);
  }
  return inserted;
}
