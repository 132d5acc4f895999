// Operators and sign-in: passwords, lockout, sessions (none, idle, signed out, deactivated), roles, recovery codes,
// the first-run admin and a database from before sign-in existed.
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { sessionStore } from '../../electron/core/modules/auth/sessions';
import { hashPassword, verifyPassword } from '../../electron/core/modules/operators/passwords';
import { addOperator, asOperator, fail, makeCore, ok, steppingClock, TEST_COST, TEST_MANAGER, type TestCore } from './helpers';

let core: TestCore;
afterEach(() => core?.close());

describe('passwords', () => {
  it('hash and verify; a wrong password fails; the cost is kept in the hash', () => {
    const h = hashPassword('秘密-pass 1', TEST_COST);
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(verifyPassword('秘密-pass 1', h)).toBe(true);
    expect(verifyPassword('秘密-pass 2', h)).toBe(false);
    expect(verifyPassword('秘密-pass 1 ', h)).toBe(false);
    expect(verifyPassword('x', 'not-a-hash')).toBe(false);
    // two hashes of one password differ (salt)
    expect(hashPassword('abcdef', TEST_COST)).not.toBe(hashPassword('abcdef', TEST_COST));
  });

  it('NFC: the same text typed composed or decomposed is the same password', () => {
    const composed = 'café-密码';
    const decomposed = 'cafe\u0301-密码';
    expect(composed).not.toBe(decomposed);
    expect(verifyPassword(decomposed, hashPassword(composed, TEST_COST))).toBe(true);
  });
});

describe('sign-in and lockout', () => {
  it('signs in by name and password; the session acts as that operator', async () => {
    core = makeCore();
    addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
    const res = await ok(core, 'auth.signIn', { name: '刘芳', password: 'clerk-pw' });
    expect(res.session).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes base64url
    expect(res.operator).toMatchObject({ name: '刘芳', role: 'clerk', repId: null, hasSignature: false });
    expect(res.idleMinutes).toBe(30);
    const me = await ok({ call: (m, i) => core.call(m, i, { session: res.session }) }, 'auth.me', {});
    expect(me?.operator.name).toBe('刘芳');
  });

  it('wrong name and wrong password are named in Chinese; 5 wrong in a row lock for 60 s, then it opens again', async () => {
    let nowMs = Date.parse('2025-03-01T08:00:00Z');
    core = makeCore(':memory:', { now: () => new Date(nowMs) });
    addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
    expect(await fail(core, 'auth.signIn', { name: '无此人', password: 'x' })).toMatchObject({ code: 'NOT_FOUND', field: 'name' });
    for (let i = 1; i <= 4; i++) {
      const e = await fail(core, 'auth.signIn', { name: '刘芳', password: 'wrong' });
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'password', message: `密码：不正确（还可再试 ${5 - i} 次）` });
    }
    expect((await fail(core, 'auth.signIn', { name: '刘芳', password: 'wrong' })).message).toBe(
      '密码：不正确；已连续输错 5 次，锁定 60 秒',
    );
    // locked: even the right password is refused, with the seconds left
    nowMs += 15_000;
    expect((await fail(core, 'auth.signIn', { name: '刘芳', password: 'clerk-pw' })).message).toBe(
      '密码：连续输错 5 次，已锁定，请 45 秒后再试',
    );
    const row = core.ctx.db.prepare("select failed_attempts as f, locked_until as u from operators where name = '刘芳'").get();
    expect(row).toEqual({ f: 0, u: '2025-03-01T08:01:00.000Z' });
    nowMs += 45_001;
    await ok(core, 'auth.signIn', { name: '刘芳', password: 'clerk-pw' });
    expect(core.ctx.db.prepare("select failed_attempts as f, locked_until as u from operators where name = '刘芳'").get()).toEqual({
      f: 0,
      u: null,
    });
  });

  it('a right password clears the count: 4 wrong, 1 right, 4 wrong is not a lockout', async () => {
    core = makeCore();
    addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
    for (let i = 0; i < 4; i++) await fail(core, 'auth.signIn', { name: '刘芳', password: 'wrong' });
    await ok(core, 'auth.signIn', { name: '刘芳', password: 'clerk-pw' });
    for (let i = 0; i < 4; i++) await fail(core, 'auth.signIn', { name: '刘芳', password: 'wrong' });
    await ok(core, 'auth.signIn', { name: '刘芳', password: 'clerk-pw' });
  });

  it('a deactivated operator cannot sign in', async () => {
    core = makeCore();
    addOperator(core, { name: '离职者', role: 'clerk', password: 'pw1234', active: false });
    expect(await fail(core, 'auth.signIn', { name: '离职者', password: 'pw1234' })).toMatchObject({ field: 'name', code: 'FORBIDDEN' });
  });
});

describe('sessions', () => {
  const anon = (c: Core) => ({ call: (m: unknown, i: unknown) => c.call(m, i, {}) });

  it('UNAUTHORIZED without a session, except settings.get, settings.initialize and auth.*', async () => {
    core = makeCore();
    const nobody = anon(core);
    expect(await fail(nobody, 'customers.list', {})).toMatchObject({ code: 'UNAUTHORIZED', message: '请先登录' });
    expect(await fail(nobody, 'operators.list', {})).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await fail(core, 'customers.list', { bogus: 1 }).then((e) => e.code)).toBe('VALIDATION');
    // the session check comes before input parsing: nothing about the input leaks to a caller without a session
    expect(await fail(nobody, 'customers.save', { bogus: 1 })).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await ok(nobody, 'settings.get', {})).initialized).toBe(false);
    expect(await ok(nobody, 'auth.me', {})).toBeNull();
    expect(await ok(nobody, 'auth.signOut', {})).toEqual({ ok: true });
    expect(await fail(nobody, 'auth.changePassword', { oldPassword: 'a', newPassword: 'bbbbbb' })).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a made-up token, a signed-out session and an idle one are refused', async () => {
    core = makeCore();
    expect(await fail({ call: (m, i) => core.call(m, i, { session: 'x'.repeat(43) }) }, 'customers.list', {})).toMatchObject({
      code: 'UNAUTHORIZED',
      message: '登录已失效，请重新登录',
    });
    const clerk = addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
    const a = await asOperator(core, clerk.name, 'clerk-pw');
    await ok(a, 'customers.list', {});
    await ok(a, 'auth.signOut', {});
    expect(await fail(a, 'customers.list', {})).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await ok(a, 'auth.me', {})).toBeNull();

    // idle: the store's clock moves past the idle time (setting idleMinutes, changed by the admin)
    let ms = 1_000_000;
    sessionStore(core.ctx.db).clock = () => ms;
    const b = await asOperator(core, clerk.name, 'clerk-pw');
    ms += 29 * 60_000;
    await ok(b, 'customers.list', {}); // refreshes
    ms += 30 * 60_000;
    await ok(b, 'customers.list', {});
    ms += 30 * 60_000 + 1;
    expect(await fail(b, 'customers.list', {})).toMatchObject({ code: 'UNAUTHORIZED', message: '长时间未操作，已自动登出，请重新登录' });
    // a shorter idle time applies to sessions already open
    addOperator(core, { name: 'root', role: 'admin', password: 'admin-pw' });
    const admin = await asOperator(core, 'root', 'admin-pw');
    const c = await asOperator(core, clerk.name, 'clerk-pw');
    expect(await fail(admin, 'settings.save', { idleMinutes: 0 })).toMatchObject({ code: 'VALIDATION', field: 'idleMinutes' });
    expect((await ok(admin, 'settings.save', { idleMinutes: 5 })).idleMinutes).toBe(5);
    ms += 5 * 60_000 + 1;
    expect(await fail(c, 'customers.list', {})).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('deactivating an operator or resetting their password ends their sessions', async () => {
    core = makeCore();
    addOperator(core, { name: 'root', role: 'admin', password: 'admin-pw' });
    const admin = await asOperator(core, 'root', 'admin-pw');
    const clerk = addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
    const s1 = await asOperator(core, '刘芳', 'clerk-pw');
    await ok(admin, 'operators.save', { id: clerk.id, name: '刘芳', role: 'clerk', password: 'new-pw-1' });
    expect(await fail(s1, 'customers.list', {})).toMatchObject({ code: 'UNAUTHORIZED' });
    await fail(core, 'auth.signIn', { name: '刘芳', password: 'clerk-pw' });
    const s2 = await asOperator(core, '刘芳', 'new-pw-1');
    await ok(admin, 'operators.save', { id: clerk.id, name: '刘芳', role: 'clerk', active: false });
    expect(await fail(s2, 'customers.list', {})).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('change password: the old one is checked (field 原密码), other sessions end, this one stays', async () => {
    core = makeCore();
    addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
    const here = await asOperator(core, '刘芳', 'clerk-pw');
    const there = await asOperator(core, '刘芳', 'clerk-pw');
    expect(await fail(here, 'auth.changePassword', { oldPassword: 'nope', newPassword: 'new-pw-1' })).toMatchObject({
      field: 'oldPassword',
      message: '原密码：不正确（还可再试 4 次）',
    });
    expect(await fail(here, 'auth.changePassword', { oldPassword: 'clerk-pw', newPassword: '12345' })).toMatchObject({
      field: 'newPassword',
    });
    await ok(here, 'auth.changePassword', { oldPassword: 'clerk-pw', newPassword: 'new-pw-1' });
    await ok(here, 'customers.list', {});
    expect(await fail(there, 'customers.list', {})).toMatchObject({ code: 'UNAUTHORIZED' });
    await asOperator(core, '刘芳', 'new-pw-1');
  });

  it('the audit log names the operator of each session', async () => {
    core = makeCore();
    addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
    const clerk = await asOperator(core, '刘芳', 'clerk-pw');
    await ok(core, 'regions.save', { name: '华东' });
    await ok(clerk, 'regions.save', { name: '华北' });
    const log = await ok(core, 'audit.list', { entity: 'region' });
    expect(log.rows.map((r) => [r.operator, (r.after as { name: string }).name])).toEqual([
      ['刘芳', '华北'],
      [TEST_MANAGER.name, '华东'],
    ]);
  });
});

describe('roles', () => {
  async function roles(c: TestCore) {
    addOperator(c, { name: 'root', role: 'admin', password: 'admin-pw' });
    const team = await ok(c, 'teams.save', { name: '一组' });
    const lead = await ok(c, 'reps.save', { name: '王强', teamId: team.id });
    addOperator(c, { name: '王强', role: 'supervisor', password: 'super-pw', repId: lead.id });
    addOperator(c, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
    return {
      admin: await asOperator(c, 'root', 'admin-pw'),
      manager: c,
      supervisor: await asOperator(c, '王强', 'super-pw'),
      clerk: await asOperator(c, '刘芳', 'clerk-pw'),
    };
  }

  it('FORBIDDEN names the role and the action; the table decides before the service runs', async () => {
    core = makeCore();
    const r = await roles(core);
    const a = await ok(core, 'customers.save', { name: '甲商店' });
    const b = await ok(core, 'customers.save', { name: '乙商店' });
    expect(await fail(r.clerk, 'customers.merge', { survivorId: a.id, mergedId: b.id })).toMatchObject({
      code: 'FORBIDDEN',
      message: '文员无权合并客户',
    });
    expect(await fail(r.supervisor, 'customers.merge', { survivorId: a.id, mergedId: b.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fail(r.admin, 'customers.save', { name: '丙商店' })).toMatchObject({
      code: 'FORBIDDEN',
      message: '系统管理员无权保存客户',
    });
    expect(await fail(r.clerk, 'operators.save', { name: 'x', role: 'clerk', password: 'abcdef' })).toMatchObject({
      code: 'FORBIDDEN',
      message: '文员无权保存操作员',
    });
    expect(await fail(r.manager, 'operators.save', { name: 'x', role: 'clerk', password: 'abcdef' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fail(r.clerk, 'audit.list', {})).toMatchObject({ code: 'FORBIDDEN', message: '文员无权查看操作日志' });
    expect(await fail(r.supervisor, 'audit.list', {})).toMatchObject({ code: 'FORBIDDEN' });
    // a refused call writes nothing
    const before = (await ok(core, 'customers.list', {})).total;
    await fail(r.admin, 'customers.save', { name: '丁商店' });
    expect((await ok(core, 'customers.list', {})).total).toBe(before);
    // the rights each role has
    await ok(r.admin, 'audit.list', {});
    await ok(r.admin, 'customers.list', {});
    await ok(r.admin, 'operators.save', { name: '陈静', role: 'clerk', password: 'abcdef' });
    await ok(r.manager, 'audit.list', {});
    await ok(r.manager, 'customers.merge', { survivorId: a.id, mergedId: b.id });
    await ok(r.clerk, 'customers.save', { name: '戊商店' });
    await ok(r.clerk, 'import.template', { entity: 'customers' });
    await ok(r.supervisor, 'regions.save', { name: '华南' });
    await ok(r.clerk, 'operators.list', {});
  });

  it('settings: any operator switches the language; only the admin changes the company name and idle time', async () => {
    core = makeCore();
    const r = await roles(core);
    await ok(r.clerk, 'settings.save', { locale: 'en' });
    expect(await fail(r.clerk, 'settings.save', { companyName: '别家' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fail(r.manager, 'settings.save', { idleMinutes: 10 })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok(r.admin, 'settings.save', { companyName: '华众', idleMinutes: 10 })).idleMinutes).toBe(10);
  });
});

describe('operators', () => {
  it('create, list with pinyin search, reset password; a supervisor needs a rep; names are unique; the last admin stays', async () => {
    core = makeCore();
    addOperator(core, { name: 'root', role: 'admin', password: 'admin-pw' });
    const admin = await asOperator(core, 'root', 'admin-pw');
    const team = await ok(core, 'teams.save', { name: '一组' });
    const lead = await ok(core, 'reps.save', { name: '王强', teamId: team.id });
    expect(await fail(admin, 'operators.save', { name: '陈静', role: 'clerk' })).toMatchObject({
      field: 'password',
      message: '密码：新建操作员时必须设置密码',
    });
    expect(await fail(admin, 'operators.save', { name: '陈静', role: 'clerk', password: '12345' })).toMatchObject({ field: 'password' });
    expect(await fail(admin, 'operators.save', { name: '王强', role: 'supervisor', password: 'abcdef' })).toMatchObject({ field: 'repId' });
    expect(await fail(admin, 'operators.save', { name: '王强', role: 'supervisor', password: 'abcdef', repId: 999 })).toMatchObject({
      code: 'REFERENCE',
      field: 'repId',
    });
    const sup = await ok(admin, 'operators.save', { name: '王强', role: 'supervisor', password: 'abcdef', repId: lead.id });
    expect(sup.recoveryCode).toBeUndefined();
    expect(await fail(admin, 'operators.save', { name: '王强', role: 'clerk', password: 'abcdef' })).toMatchObject({
      code: 'CONFLICT',
      field: 'name',
    });
    await ok(admin, 'operators.save', { name: '陈静', role: 'clerk', password: 'abcdef' });
    const list = await ok(admin, 'operators.list', { search: 'wq' });
    expect(list.rows.map((r) => [r.name, r.role, r.repName])).toEqual([['王强', 'supervisor', '王强']]);
    expect((await ok(admin, 'operators.list', {})).total).toBe(4);
    expect((await ok(admin, 'operators.list', { search: 'chenjing' })).rows[0]?.name).toBe('陈静');
    expect(JSON.stringify(await ok(admin, 'operators.list', {}))).not.toMatch(/scrypt|hash/i);
    // the only admin cannot stop being one
    const rootId = (await ok(admin, 'operators.list', { search: 'root' })).rows[0]!.id;
    expect(await fail(admin, 'operators.save', { id: rootId, name: 'root', role: 'manager' })).toMatchObject({
      code: 'CONFLICT',
      field: 'role',
    });
    expect(await fail(admin, 'operators.save', { id: rootId, name: 'root', role: 'admin', active: false })).toMatchObject({
      code: 'CONFLICT',
    });
    // audit: who created whom, never a password
    const log = await ok(admin, 'audit.list', { entity: 'operator' });
    expect(log.rows.map((r) => [r.operator, r.action])).toEqual([
      ['root', 'create'],
      ['root', 'create'],
    ]);
    expect(JSON.stringify(log)).not.toContain('abcdef');
  });

  it('a new admin gets a recovery code once; it resets the password once, signs in and gives a new code', async () => {
    core = makeCore();
    addOperator(core, { name: 'root', role: 'admin', password: 'admin-pw' });
    const admin = await asOperator(core, 'root', 'admin-pw');
    const made = await ok(admin, 'operators.save', { name: '第二管理员', role: 'admin', password: 'second-pw' });
    expect(made.recoveryCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const stored = core.ctx.db.prepare('select recovery_hash as h from operators where id = ?').get(made.id) as { h: string };
    expect(stored.h).toMatch(/^scrypt\$/);
    expect(stored.h).not.toContain(made.recoveryCode!);
    // the code typed in lower case with spaces works; a wrong one counts toward the lockout
    expect(
      await fail(core, 'auth.recover', { name: '第二管理员', recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA', newPassword: 'third-pw' }),
    ).toMatchObject({
      field: 'recoveryCode',
      message: '恢复码：不正确（还可再试 4 次）',
    });
    const typed = made.recoveryCode!.toLowerCase().replace(/-/g, ' ');
    const rec = await ok(core, 'auth.recover', { name: '第二管理员', recoveryCode: typed, newPassword: 'third-pw' });
    expect(rec.operator.name).toBe('第二管理员');
    expect(rec.recoveryCode).not.toBe(made.recoveryCode);
    await ok({ call: (m, i) => core.call(m, i, { session: rec.session }) }, 'operators.list', {});
    // the old code is spent; the new one works
    expect(
      await fail(core, 'auth.recover', { name: '第二管理员', recoveryCode: made.recoveryCode!, newPassword: 'fourth-pw' }),
    ).toMatchObject({
      field: 'recoveryCode',
    });
    await ok(core, 'auth.recover', { name: '第二管理员', recoveryCode: rec.recoveryCode, newPassword: 'fourth-pw' });
    await asOperator(core, '第二管理员', 'fourth-pw');
    // only admins recover with a code
    expect(await fail(core, 'auth.recover', { name: TEST_MANAGER.name, recoveryCode: 'AAAAA', newPassword: 'abcdefg' })).toMatchObject({
      field: 'name',
    });
  });
});

describe('first run and old databases', () => {
  function bareCore(file = ':memory:'): Core {
    return createCore(file, { now: steppingClock(), passwordCost: TEST_COST });
  }
  let bare: Core | null = null;
  afterEach(() => {
    bare?.close();
    bare = null;
  });

  it('settings.initialize creates the admin, signs in, and shows the recovery code this once', async () => {
    bare = bareCore();
    expect((await ok(bare, 'settings.get', {})).needsAdmin).toBe(false);
    const init = await ok(bare, 'settings.initialize', { companyName: '华众商贸', admin: { name: '老板', password: 'boss-pw' } });
    expect(init).toMatchObject({
      initialized: true,
      companyName: '华众商贸',
      needsAdmin: false,
      operator: { name: '老板', role: 'admin' },
    });
    expect(init.recoveryCode).toMatch(/^[A-Z2-9-]{23}$/);
    const asBoss = { call: (m: unknown, i: unknown) => bare!.call(m, i, { session: init.session }) };
    expect((await ok(asBoss, 'auth.me', {}))?.operator.name).toBe('老板');
    // the code is never answered again
    const everything = JSON.stringify([
      await ok(asBoss, 'settings.get', {}),
      await ok(asBoss, 'operators.list', {}),
      await ok(asBoss, 'audit.list', {}),
    ]);
    expect(everything).not.toContain(init.recoveryCode);
    expect(everything).not.toContain('boss-pw');
    const initLog = (await ok(asBoss, 'audit.list', { entity: 'settings' })).rows[0]!;
    expect(initLog.operator).toBe('老板');
    expect(await fail(bare, 'settings.initialize', { companyName: 'x', admin: { name: '别人', password: 'abcdef' } })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await fail(bare, 'auth.setupAdmin', { name: '别人', password: 'abcdef' })).toMatchObject({ code: 'CONFLICT' });
    // the admin must have a password of at least 6 characters, and a name
    const other = bareCore();
    expect(await fail(other, 'settings.initialize', { companyName: 'x', admin: { name: 'a', password: '12345' } })).toMatchObject({
      field: 'admin.password',
    });
    expect(await fail(other, 'settings.initialize', { companyName: 'x' })).toMatchObject({ field: 'admin' });
    other.close();
  });

  it('a database from before sign-in: initialised, no operator → needsAdmin, setupAdmin once, then sign-in as usual', async () => {
    bare = bareCore();
    bare.ctx.db.prepare("insert into settings (key, value) values ('initialized', '1'), ('companyName', '老公司')").run();
    const s = await ok(bare, 'settings.get', {});
    expect(s).toMatchObject({ initialized: true, needsAdmin: true });
    expect(await fail(bare, 'customers.list', {})).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await fail(bare, 'auth.setupAdmin', { name: '老板', password: '123' })).toMatchObject({ field: 'password' });
    const admin = await ok(bare, 'auth.setupAdmin', { name: '老板', password: 'boss-pw' });
    expect(admin.operator.role).toBe('admin');
    expect(admin.recoveryCode).toHaveLength(23);
    expect((await ok(bare, 'settings.get', {})).needsAdmin).toBe(false);
    expect(await fail(bare, 'auth.setupAdmin', { name: '黑客', password: 'abcdef' })).toMatchObject({ code: 'CONFLICT' });
    await asOperator(bare, '老板', 'boss-pw');
  });

  it('initialize with the demo loads the demo operators, the admin from the input', async () => {
    bare = bareCore();
    const init = await ok(bare, 'settings.initialize', {
      companyName: '华众',
      loadDemo: true,
      admin: { name: '老板', password: 'boss-pw' },
    });
    const admin = { call: (m: unknown, i: unknown) => bare!.call(m, i, { session: init.session }) };
    const ops = (await ok(admin, 'operators.list', {})).rows;
    expect(ops.filter((o) => o.role === 'admin').map((o) => o.name)).toEqual(['老板']);
    expect(ops.filter((o) => o.role === 'manager')).toHaveLength(1);
    expect(ops.filter((o) => o.role === 'clerk')).toHaveLength(2);
    const teams = await ok(admin, 'teams.list', {});
    const supervisors = ops.filter((o) => o.role === 'supervisor');
    expect(supervisors).toHaveLength(teams.length);
    for (const s of supervisors) expect(s.repName).toBe(s.name);
    await asOperator(bare, supervisors[0]!.name, '123456');
  });
});
