// Texts of the list-page building block (namespace `list`): column chooser and keyboard hints.
const zh = {
  columns: '列',
  columnsTitle: '显示的列',
  columnsReset: '恢复默认',
  columnsHint: '选择保存在本机，下次打开仍然有效',
  shortcut: '{label}（{keys}）',
  keyboardHint: '↑ / ↓ 选择行，Enter 打开',
  loading: '加载中…',
};

const en: typeof zh = {
  columns: 'Columns',
  columnsTitle: 'Visible columns',
  columnsReset: 'Default',
  columnsHint: 'Remembered on this computer',
  shortcut: '{label} ({keys})',
  keyboardHint: '↑ / ↓ select a row, Enter opens it',
  loading: 'Loading…',
};

export default { zh, en };
