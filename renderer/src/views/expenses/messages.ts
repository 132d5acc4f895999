// Texts of the 销售费用 screens (namespace `expense`).
const zh = {
  title: '销售费用',
  new: '新增费用',
  editTitle: '编辑费用',
  date: '日期',
  rep: '业务员',
  category: '费用类别',
  amount: '金额(元)',
  amountCol: '金额',
  amountPositive: '必须大于 0',
  customer: '客户',
  note: '备注',
  notePlaceholder: '事由、地点、票据号',
  searchPlaceholder: '备注 / 业务员 / 客户 / 拼音首字母',
  sum: '合计 {amount}（{n} 笔）',
};

const en: typeof zh = {
  title: 'Expenses',
  new: 'New expense',
  editTitle: 'Edit expense',
  date: 'Date',
  rep: 'Rep',
  category: 'Category',
  amount: 'Amount (¥)',
  amountCol: 'Amount',
  amountPositive: 'must be more than 0',
  customer: 'Customer',
  note: 'Note',
  notePlaceholder: 'Purpose, place, receipt no.',
  searchPlaceholder: 'Note / rep / customer / pinyin',
  sum: 'Total {amount} ({n} items)',
};

export default { zh, en };
