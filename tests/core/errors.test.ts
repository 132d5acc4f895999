// What a clerk reads when the database refuses or fails: a plain sentence in Chinese (and English), never SQLite's own
// message; the raw error goes to the log.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError, toErrorData } from '../../electron/core/errors';

function sqliteError(run: (db: Database.Database) => void): unknown {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(`create table region (id integer primary key);
           create table customer (id integer primary key, code text not null unique, region_id integer references region(id),
                                  grade text check (grade in ('A','B','C','D')));
           create trigger lock before update on customer when old.grade = 'A'
             begin select raise(abort, 'POSTED_LOCKED: 已过账的单据不能修改'); end;`);
  try {
    run(db);
  } catch (e) {
    return e;
  } finally {
    db.close();
  }
  throw new Error('no error was raised');
}

afterEach(() => vi.restoreAllMocks());

describe('toErrorData', () => {
  it('says what went wrong in words, for each kind of refusal SQLite gives', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const cases: Array<[(db: Database.Database) => void, string, string]> = [
      [(db) => db.exec(`insert into customer (id, code) values (1, 'C1'), (2, 'C1')`), 'CONFLICT', '与已有记录重复，未保存任何更改'],
      [
        (db) => db.exec(`insert into customer (id, code, region_id) values (1, 'C1', 99)`),
        'CONFLICT',
        '相关的记录已不存在或仍被其他记录使用，未保存任何更改',
      ],
      [(db) => db.exec(`insert into customer (id) values (1)`), 'CONFLICT', '缺少必填的内容，未保存任何更改'],
      [(db) => db.exec(`insert into customer (id, code, grade) values (1, 'C1', 'Z')`), 'CONFLICT', '数据不符合规则，未保存任何更改'],
    ];
    for (const [run, code, message] of cases) {
      const err = sqliteError(run);
      const data = toErrorData(err);
      expect(data).toMatchObject({ code, message });
      expect(data.messageEn).toMatch(/nothing was saved$/);
      // SQLite's own words stay in the log
      expect(JSON.stringify(data)).not.toMatch(/constraint|failed|customer/i);
    }
    expect(console.error).toHaveBeenCalledTimes(cases.length);
  });

  it('keeps the words of a locked document’s trigger, and passes a DomainError through', () => {
    const locked = sqliteError((db) => {
      db.exec(`insert into customer (id, code, grade) values (1, 'C1', 'A')`);
      db.exec(`update customer set code = 'C2' where id = 1`);
    });
    expect(toErrorData(locked)).toEqual({ code: 'CONFLICT', message: '已过账的单据不能修改' });
    expect(toErrorData(new DomainError('VALIDATION', '金额：不能为负数', 'amountFen'))).toEqual({
      code: 'VALIDATION',
      message: '金额：不能为负数',
      field: 'amountFen',
    });
  });

  it('a disk, a read-only file, a damaged file or anything else: a sentence, and the details in the log', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const coded = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(toErrorData(coded('SQLITE_FULL', 'database or disk is full')).message).toBe('磁盘空间不足，未保存任何更改；请清理磁盘后重试');
    expect(toErrorData(coded('SQLITE_READONLY', 'attempt to write a readonly database')).message).toBe(
      '数据库文件只能读取，无法保存；请检查文件和文件夹的权限',
    );
    expect(toErrorData(coded('SQLITE_CORRUPT', 'database disk image is malformed')).message).toBe('数据库文件已损坏，请从备份恢复');
    expect(toErrorData(coded('SQLITE_BUSY', 'database is locked'))).toMatchObject({ code: 'CONFLICT', message: '数据库正忙，请稍后重试' });
    const other = toErrorData(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(other).toEqual({
      code: 'INTERNAL',
      message: '程序内部出错，操作未完成；详情已记入日志',
      messageEn: 'Something went wrong inside the program and the operation did not complete; the details are in the log',
    });
    expect(log).toHaveBeenCalledTimes(5);
    expect(String(log.mock.calls[4]![1])).toContain("reading 'id'");
  });
});
