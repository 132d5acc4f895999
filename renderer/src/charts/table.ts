// "查看数据": a chart's figures as an aligned table — one row per category, one column per series, exact values.
import { exactValue, type ValueUnit } from './format';

export interface DataColumn {
  key: string;
  label: string;
  numeric: boolean;
}

export interface DataTable {
  columns: DataColumn[];
  rows: Array<Record<string, string>>;
}

export interface TableSeries {
  name: string;
  values: Array<number | string | null>;
  unit?: ValueUnit;
}

/** Categories down the first column, each series across; numbers written exactly (¥ with 分, % with one decimal). */
export function seriesTable(categoryLabel: string, categories: string[], series: TableSeries[]): DataTable {
  const columns: DataColumn[] = [
    { key: 'c', label: categoryLabel, numeric: false },
    ...series.map((s, i) => ({ key: `s${i}`, label: s.name, numeric: s.unit !== undefined })),
  ];
  const rows = categories.map((c, r) => {
    const row: Record<string, string> = { c };
    series.forEach((s, i) => {
      const v = s.values[r];
      row[`s${i}`] = typeof v === 'string' ? v : s.unit ? exactValue(s.unit, v) : String(v ?? '');
    });
    return row;
  });
  return { columns, rows };
}
