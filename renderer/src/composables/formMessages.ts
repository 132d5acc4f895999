// Texts of the shared form mechanism (namespace `form`): unsaved-change guard, number and money rules, pickers.
// Merged into the app's i18n here so every form that uses the mechanism has them, in both languages.
import { i18n } from '@/i18n';

const zh = {
  discardTitle: '放弃未保存的修改？',
  discardMessage: '有尚未保存的修改，离开后将丢失。',
  discard: '放弃修改',
  keepEditing: '继续编辑',
  notInteger: '{label}：请输入整数',
  atMost: '{label}不能超过 {max}',
  atLeast: '{label}不能小于 {min}',
  moneyFormat: '{label}：请输入正确的金额，例如 12.50',
  noMatch: '没有匹配项',
  pickCustomer: '选择客户（名称、编码、拼音）',
  pickProduct: '选择产品（名称、编码、拼音）',
  loading: '正在查找…',
  duplicatesShow: '查看 {n} 个可能重复的客户',
  duplicatesDrawer: '可能重复的客户',
  duplicateRep: '业务员',
  duplicateRegion: '区域',
  productIncompleteTitle: '产品资料不完整',
  productIncomplete: '尚未填写：{fields}。仍然保存吗？',
  productNoPrice: '任何价格',
  saveAnyway: '仍然保存',
  backToForm: '返回填写',
};

const en: typeof zh = {
  discardTitle: 'Discard unsaved changes?',
  discardMessage: 'There are changes that have not been saved; leaving loses them.',
  discard: 'Discard',
  keepEditing: 'Keep editing',
  notInteger: '{label}: enter a whole number',
  atMost: '{label} cannot be more than {max}',
  atLeast: '{label} cannot be less than {min}',
  moneyFormat: '{label}: enter an amount such as 12.50',
  noMatch: 'No match',
  pickCustomer: 'Pick a customer (name, code, pinyin)',
  pickProduct: 'Pick a product (name, code, pinyin)',
  loading: 'Searching…',
  duplicatesShow: 'Show {n} possible duplicate(s)',
  duplicatesDrawer: 'Possible duplicates',
  duplicateRep: 'Rep',
  duplicateRegion: 'Region',
  productIncompleteTitle: 'Product details incomplete',
  productIncomplete: 'Not filled in: {fields}. Save anyway?',
  productNoPrice: 'any price',
  saveAnyway: 'Save anyway',
  backToForm: 'Go back and fill in',
};

i18n.global.mergeLocaleMessage('zh-CN', { form: zh });
i18n.global.mergeLocaleMessage('en', { form: en });

export const formMessages = { zh, en };
