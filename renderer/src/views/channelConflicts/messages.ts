// Texts of the 窜货预警 list (namespace `conflict`).
const zh = {
  title: '窜货预警',
  date: '日期',
  docNo: '单号',
  dealer: '经销商',
  customer: '客户',
  region: '客户区域',
  amount: '金额',
  rep: '业务员',
  pickDealer: '经销商',
  searchPlaceholder: '单号 / 客户 / 经销商',
  sum: '合计 {amount}（{n} 单）',
  openHint: '双击或回车：打开销售单',
  feedback: '市场反映',
  feedbackNew: '反映',
  feedbackMany: '{code} 等 {n} 条',
  feedbackOpenHint: '打开市场状况反映',
};

const en: typeof zh = {
  title: 'Cross-territory sales',
  date: 'Date',
  docNo: 'Order no.',
  dealer: 'Dealer',
  customer: 'Customer',
  region: "Customer's region",
  amount: 'Amount',
  rep: 'Rep',
  pickDealer: 'Dealer',
  searchPlaceholder: 'Order no. / customer / dealer',
  sum: 'Total {amount} ({n} orders)',
  openHint: 'Double-click or Enter: open the order',
  feedback: 'Market feedback',
  feedbackNew: 'Report',
  feedbackMany: '{code} ({n} reports)',
  feedbackOpenHint: 'Open the market feedback',
};

export default { zh, en };
