// Browser mode with two tabs: each tab keeps its own session (X-Session) and acts as its own operator.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/core/server';
import { createCore } from '../../electron/core/core';
import { addOperator, TEST_COST } from './helpers';

let server: RunningServer;
let dir: string;

async function api(method: string, input: unknown, session?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...(session ? { 'X-Session': session } : {}) },
    body: JSON.stringify({ input }),
  });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-sessions-'));
  const core = createCore(path.join(dir, 'two.db'), { passwordCost: TEST_COST });
  addOperator(core, { name: '刘芳', role: 'clerk', password: 'clerk-pw' });
  addOperator(core, { name: '周敏', role: 'manager', password: 'manager-pw' });
  server = await startServer({ dbPath: '', core, port: 0, rendererDir: dir });
});

afterAll(async () => {
  await server.close();
  server.core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('two tabs, two operators', () => {
  it('each session acts as its own operator; the audit log names both; sign-out ends only one', async () => {
    expect((await api('customers.list', {})).body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await api('auth.signIn', { name: '刘芳', password: 'nope-nope' });
    expect(wrong.body).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'password' } });

    const tabA = (await api('auth.signIn', { name: '刘芳', password: 'clerk-pw' })).body.data.session as string;
    const tabB = (await api('auth.signIn', { name: '周敏', password: 'manager-pw' })).body.data.session as string;
    expect(tabA).not.toBe(tabB);
    expect((await api('auth.me', {}, tabA)).body.data.operator.name).toBe('刘芳');
    expect((await api('auth.me', {}, tabB)).body.data.operator.name).toBe('周敏');

    expect((await api('regions.save', { name: '华东' }, tabA)).body.ok).toBe(true);
    expect((await api('regions.save', { name: '华北' }, tabB)).body.ok).toBe(true);
    const log = (await api('audit.list', { entity: 'region' }, tabB)).body.data.rows as Array<{
      operator: string;
      after: { name: string };
    }>;
    expect(log.map((r) => [r.operator, r.after.name])).toEqual([
      ['周敏', '华北'],
      ['刘芳', '华东'],
    ]);
    // the clerk's tab may not read the audit log; the manager's may
    expect((await api('audit.list', {}, tabA)).body).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '文员无权查看操作日志' },
    });

    await api('auth.signOut', {}, tabA);
    expect((await api('customers.list', {}, tabA)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await api('customers.list', {}, tabB)).body.ok).toBe(true);
  });
});
