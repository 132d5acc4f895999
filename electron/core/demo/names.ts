// Word lists for the demo dataset: real geography (大区 › 省 › 市 with telephone area codes), names, shop and company words.
import type { CustomerType } from '../../../shared/domain/customer';

export interface CityDef {
  /** Full name as registered: 南京市, or a district of a municipality: 朝阳区. */
  name: string;
  /** Telephone area code, e.g. 025, 0512. */
  areaCode: string;
  /** Relative business weight (tier-1 cities get more customers). */
  weight: number;
}

export interface ProvinceDef {
  name: string;
  /** Short form used in company names: 江苏, 北京. */
  short: string;
  /** Municipality (直辖市): level-3 regions are its districts, company names use the municipality short name. */
  municipality?: boolean;
  cities: CityDef[];
}

export interface AreaDef {
  name: string;
  provinces: ProvinceDef[];
}

const c = (name: string, areaCode: string, weight = 1): CityDef => ({ name, areaCode, weight });

/** The seven 大区 with real provinces and prefecture-level cities (or municipal districts). */
export const areas: AreaDef[] = [
  {
    name: '华东',
    provinces: [
      {
        name: '上海市',
        short: '上海',
        municipality: true,
        cities: [
          c('浦东新区', '021', 3),
          c('徐汇区', '021', 2),
          c('闵行区', '021', 2),
          c('静安区', '021', 2),
          c('宝山区', '021', 1.5),
          c('松江区', '021', 1.5),
        ],
      },
      {
        name: '江苏省',
        short: '江苏',
        cities: [
          c('南京市', '025', 3),
          c('苏州市', '0512', 3),
          c('无锡市', '0510', 2),
          c('常州市', '0519', 2),
          c('南通市', '0513', 1.5),
          c('徐州市', '0516', 1.5),
          c('扬州市', '0514', 1),
        ],
      },
      {
        name: '浙江省',
        short: '浙江',
        cities: [
          c('杭州市', '0571', 3),
          c('宁波市', '0574', 2.5),
          c('温州市', '0577', 2),
          c('嘉兴市', '0573', 1.5),
          c('绍兴市', '0575', 1.5),
          c('金华市', '0579', 1.5),
          c('台州市', '0576', 1),
        ],
      },
      {
        name: '安徽省',
        short: '安徽',
        cities: [c('合肥市', '0551', 2.5), c('芜湖市', '0553', 1.5), c('蚌埠市', '0552', 1), c('安庆市', '0556', 1)],
      },
      {
        name: '福建省',
        short: '福建',
        cities: [c('福州市', '0591', 2), c('厦门市', '0592', 2), c('泉州市', '0595', 2), c('漳州市', '0596', 1)],
      },
      {
        name: '江西省',
        short: '江西',
        cities: [c('南昌市', '0791', 2), c('赣州市', '0797', 1.5), c('九江市', '0792', 1), c('上饶市', '0793', 1)],
      },
      {
        name: '山东省',
        short: '山东',
        cities: [
          c('济南市', '0531', 2.5),
          c('青岛市', '0532', 2.5),
          c('烟台市', '0535', 1.5),
          c('潍坊市', '0536', 1.5),
          c('临沂市', '0539', 1.5),
          c('淄博市', '0533', 1),
        ],
      },
    ],
  },
  {
    name: '华北',
    provinces: [
      {
        name: '北京市',
        short: '北京',
        municipality: true,
        cities: [
          c('朝阳区', '010', 3),
          c('海淀区', '010', 3),
          c('丰台区', '010', 2),
          c('东城区', '010', 1.5),
          c('西城区', '010', 1.5),
          c('通州区', '010', 1.5),
          c('大兴区', '010', 1.5),
        ],
      },
      {
        name: '天津市',
        short: '天津',
        municipality: true,
        cities: [c('和平区', '022', 1.5), c('河西区', '022', 1.5), c('南开区', '022', 1.5), c('滨海新区', '022', 2)],
      },
      {
        name: '河北省',
        short: '河北',
        cities: [
          c('石家庄市', '0311', 2),
          c('唐山市', '0315', 1.5),
          c('保定市', '0312', 1.5),
          c('邯郸市', '0310', 1),
          c('廊坊市', '0316', 1),
          c('沧州市', '0317', 1),
        ],
      },
      {
        name: '山西省',
        short: '山西',
        cities: [c('太原市', '0351', 2), c('大同市', '0352', 1), c('运城市', '0359', 1), c('长治市', '0355', 1)],
      },
      {
        name: '内蒙古自治区',
        short: '内蒙古',
        cities: [c('呼和浩特市', '0471', 1.5), c('包头市', '0472', 1.5), c('鄂尔多斯市', '0477', 1), c('赤峰市', '0476', 1)],
      },
    ],
  },
  {
    name: '华南',
    provinces: [
      {
        name: '广东省',
        short: '广东',
        cities: [
          c('广州市', '020', 4),
          c('深圳市', '0755', 4),
          c('东莞市', '0769', 2.5),
          c('佛山市', '0757', 2.5),
          c('珠海市', '0756', 1.5),
          c('中山市', '0760', 1.5),
          c('惠州市', '0752', 1.5),
          c('汕头市', '0754', 1.5),
        ],
      },
      {
        name: '广西壮族自治区',
        short: '广西',
        cities: [c('南宁市', '0771', 2), c('柳州市', '0772', 1.5), c('桂林市', '0773', 1)],
      },
      {
        name: '海南省',
        short: '海南',
        cities: [c('海口市', '0898', 1.5), c('三亚市', '0898', 1)],
      },
    ],
  },
  {
    name: '华中',
    provinces: [
      {
        name: '河南省',
        short: '河南',
        cities: [c('郑州市', '0371', 3), c('洛阳市', '0379', 1.5), c('南阳市', '0377', 1), c('新乡市', '0373', 1), c('商丘市', '0370', 1)],
      },
      {
        name: '湖北省',
        short: '湖北',
        cities: [c('武汉市', '027', 3), c('宜昌市', '0717', 1.5), c('襄阳市', '0710', 1.5), c('荆州市', '0716', 1)],
      },
      {
        name: '湖南省',
        short: '湖南',
        cities: [c('长沙市', '0731', 3), c('株洲市', '0731', 1.5), c('衡阳市', '0734', 1), c('岳阳市', '0730', 1), c('常德市', '0736', 1)],
      },
    ],
  },
  {
    name: '西南',
    provinces: [
      {
        name: '重庆市',
        short: '重庆',
        municipality: true,
        cities: [c('渝中区', '023', 2), c('江北区', '023', 2), c('南岸区', '023', 1.5), c('九龙坡区', '023', 1.5), c('渝北区', '023', 2)],
      },
      {
        name: '四川省',
        short: '四川',
        cities: [c('成都市', '028', 4), c('绵阳市', '0816', 1.5), c('南充市', '0817', 1), c('宜宾市', '0831', 1), c('德阳市', '0838', 1)],
      },
      {
        name: '贵州省',
        short: '贵州',
        cities: [c('贵阳市', '0851', 2), c('遵义市', '0851', 1.5)],
      },
      {
        name: '云南省',
        short: '云南',
        cities: [c('昆明市', '0871', 2.5), c('曲靖市', '0874', 1), c('玉溪市', '0877', 1)],
      },
      {
        name: '西藏自治区',
        short: '西藏',
        cities: [c('拉萨市', '0891', 1)],
      },
    ],
  },
  {
    name: '西北',
    provinces: [
      {
        name: '陕西省',
        short: '陕西',
        cities: [c('西安市', '029', 3), c('咸阳市', '029', 1.5), c('宝鸡市', '0917', 1), c('榆林市', '0912', 1)],
      },
      {
        name: '甘肃省',
        short: '甘肃',
        cities: [c('兰州市', '0931', 2), c('天水市', '0938', 1), c('酒泉市', '0937', 1)],
      },
      {
        name: '青海省',
        short: '青海',
        cities: [c('西宁市', '0971', 1.5)],
      },
      {
        name: '宁夏回族自治区',
        short: '宁夏',
        cities: [c('银川市', '0951', 1.5), c('石嘴山市', '0952', 1)],
      },
      {
        name: '新疆维吾尔自治区',
        short: '新疆',
        cities: [c('乌鲁木齐市', '0991', 2), c('克拉玛依市', '0990', 1)],
      },
    ],
  },
  {
    name: '东北',
    provinces: [
      {
        name: '辽宁省',
        short: '辽宁',
        cities: [c('沈阳市', '024', 2.5), c('大连市', '0411', 2.5), c('鞍山市', '0412', 1), c('锦州市', '0416', 1)],
      },
      {
        name: '吉林省',
        short: '吉林',
        cities: [c('长春市', '0431', 2), c('吉林市', '0432', 1), c('四平市', '0434', 1)],
      },
      {
        name: '黑龙江省',
        short: '黑龙江',
        cities: [c('哈尔滨市', '0451', 2.5), c('大庆市', '0459', 1), c('齐齐哈尔市', '0452', 1), c('牡丹江市', '0453', 1)],
      },
    ],
  },
];

/** The small company: four 大区, a few provinces and cities each (≈60 regions with 片区). */
export const smallSelection: Record<string, Record<string, string[]>> = {
  华东: { 江苏省: ['南京市', '苏州市', '无锡市'], 浙江省: ['杭州市', '宁波市'] },
  华北: { 北京市: ['朝阳区', '海淀区'], 河北省: ['石家庄市'] },
  华中: { 湖北省: ['武汉市'], 河南省: ['郑州市'] },
  华南: { 广东省: ['广州市', '深圳市'] },
};

/** Teams and the 大区 / provinces they cover. */
export interface TeamDef {
  name: string;
  provinces: string[];
}

export const smallTeams: TeamDef[] = [
  { name: '华东华南组', provinces: ['江苏省', '浙江省', '广东省'] },
  { name: '华北华中组', provinces: ['北京市', '河北省', '湖北省', '河南省'] },
];

export const largeTeams: TeamDef[] = [
  { name: '华东一组', provinces: ['上海市', '江苏省', '浙江省'] },
  { name: '华东二组', provinces: ['安徽省', '福建省', '江西省', '山东省'] },
  { name: '华北组', provinces: ['北京市', '天津市', '河北省', '山西省', '内蒙古自治区'] },
  { name: '华南组', provinces: ['广东省', '广西壮族自治区', '海南省'] },
  { name: '华中组', provinces: ['河南省', '湖北省', '湖南省'] },
  { name: '西南组', provinces: ['重庆市', '四川省', '贵州省', '云南省', '西藏自治区'] },
  { name: '西北组', provinces: ['陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区'] },
  { name: '东北组', provinces: ['辽宁省', '吉林省', '黑龙江省'] },
];

/** 片区 under each city: the four compass ones first, then the zones. */
export const districtNames = [
  '城东片区',
  '城西片区',
  '城南片区',
  '城北片区',
  '开发区片区',
  '高新区片区',
  '老城区片区',
  '新区片区',
  '县域片区',
];

/** Address fragment for zone-type 片区 (compass 片区 have no own street name). */
export const districtAddressHint: Record<string, string> = {
  开发区片区: '经济开发区',
  高新区片区: '高新技术产业开发区',
  新区片区: '新区',
};

// ---------- people ----------

/** Common surnames, most frequent first (picked with a frequency-like weight). */
export const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];

export const maleGiven = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '斌',
  '超',
  '明',
  '刚',
  '平',
  '辉',
  '鹏',
  '华',
  '飞',
  '鑫',
  '波',
  '浩',
  '凯',
  '健',
  '俊',
  '帆',
  '旭',
  '峰',
  '建国',
  '建华',
  '建军',
  '志强',
  '志明',
  '志刚',
  '海涛',
  '海波',
  '晓东',
  '晓明',
  '国庆',
  '国平',
  '立新',
  '文博',
  '文杰',
  '子豪',
  '浩然',
  '宇航',
  '俊杰',
  '明辉',
  '永刚',
  '德胜',
  '春生',
  '振华',
  '天宇',
  '家豪',
  '思远',
  '嘉伟',
  '成龙',
  '红军',
  '卫东',
  '长青',
  '学军',
  '金龙',
  '世杰',
];

export const femaleGiven = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '玲',
  '丹',
  '萍',
  '红',
  '婷',
  '雪',
  '慧',
  '莉',
  '倩',
  '颖',
  '琳',
  '晶',
  '秀英',
  '桂英',
  '玉兰',
  '晓燕',
  '春梅',
  '海燕',
  '雅琴',
  '梦瑶',
  '佳怡',
  '丽娟',
  '秀兰',
  '美玲',
  '淑珍',
  '金凤',
  '欣怡',
  '雨萱',
  '思琪',
  '丽华',
  '晓丽',
  '小红',
  '婉婷',
  '月华',
  '素芬',
  '彩霞',
  '文静',
];

export const mobilePrefixes = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '199',
];

// ---------- customers ----------

/** Characters that make 字号 (trade names) like 华众, 恒源, 鑫达 when paired. */
export const brandFirst = [...'华恒鑫汇金隆瑞宏嘉德福兴佳润天盛百同康利惠永长新顺丰安泰和信诚众昌荣祥通亿万广益明聚优美乐鸿凯博'];
export const brandSecond = [...'众源达通盛泰丰隆昌发兴利和祥瑞鑫福康诚信宇鸿邦辉远达益佳美乐华成顺荣旺茂升宝亨'];

/** Trade (wholesale) words with the industry they imply. */
export const tradeWords: Array<{ word: string; industry: string }> = [
  { word: '商贸', industry: '快消' },
  { word: '贸易', industry: '快消' },
  { word: '食品', industry: '食品饮料' },
  { word: '副食品', industry: '食品饮料' },
  { word: '粮油', industry: '粮油' },
  { word: '日用品', industry: '日化' },
  { word: '日化', industry: '日化' },
  { word: '酒业', industry: '烟酒' },
  { word: '烟酒', industry: '烟酒' },
  { word: '百货', industry: '快消' },
  { word: '饮料', industry: '食品饮料' },
  { word: '乳业', industry: '乳制品' },
  { word: '母婴用品', industry: '母婴' },
  { word: '供应链', industry: '快消' },
];

/** Company-form suffixes for wholesalers, most common first. */
export const tradeSuffixes = ['有限公司', '有限公司', '有限公司', '商行', '经营部', '批发部'];

/** Enterprise customers (buy for their own use: canteens, hotels, gifts). */
export const enterpriseWords: Array<{ word: string; industry: string }> = [
  { word: '酒店管理', industry: '酒店' },
  { word: '餐饮管理', industry: '餐饮' },
  { word: '实业', industry: '企业团购' },
  { word: '科技', industry: '企业团购' },
  { word: '物业服务', industry: '企业团购' },
  { word: '机械制造', industry: '企业团购' },
  { word: '电子', industry: '企业团购' },
  { word: '纺织', industry: '企业团购' },
  { word: '建设工程', industry: '企业团购' },
  { word: '物流', industry: '企业团购' },
  { word: '文化传媒', industry: '企业团购' },
  { word: '生物医药', industry: '企业团购' },
];

/** Shop kinds for retail stores and terminals, with their industry. */
export const shopKinds: Array<{ word: string; industry: string; terminal: boolean }> = [
  { word: '副食店', industry: '副食', terminal: true },
  { word: '小卖部', industry: '副食', terminal: true },
  { word: '便利店', industry: '快消', terminal: true },
  { word: '烟酒店', industry: '烟酒', terminal: true },
  { word: '烟酒行', industry: '烟酒', terminal: false },
  { word: '超市', industry: '商超', terminal: false },
  { word: '生活超市', industry: '商超', terminal: false },
  { word: '购物广场', industry: '商超', terminal: false },
  { word: '母婴店', industry: '母婴', terminal: false },
  { word: '日用品店', industry: '日化', terminal: false },
  { word: '粮油店', industry: '粮油', terminal: true },
  { word: '批发部', industry: '副食', terminal: false },
  { word: '饭店', industry: '餐饮', terminal: true },
  { word: '餐馆', industry: '餐饮', terminal: true },
  { word: '小吃店', industry: '餐饮', terminal: true },
  { word: '茶叶店', industry: '食品饮料', terminal: true },
  { word: '水果店', industry: '食品饮料', terminal: true },
];

/** Friendly shop 字号 (惠民超市, 万家福便利店). */
export const shopBrands = [
  '惠民',
  '万家福',
  '好邻居',
  '家家乐',
  '百姓',
  '便民',
  '新世纪',
  '金三角',
  '联华',
  '华联',
  '旺旺',
  '天天',
  '开心',
  '幸福里',
  '邻里',
  '乐购',
  '好又佳',
  '利民',
  '福满多',
  '一品',
  '聚福',
  '满意',
  '放心',
  '品味',
  '老街坊',
  '金福',
  '美佳',
  '鑫鑫',
  '兴隆',
  '平价',
];

export const roads = [
  '人民路',
  '中山路',
  '解放路',
  '建设路',
  '和平路',
  '胜利路',
  '新华路',
  '长江路',
  '黄河路',
  '东风路',
  '朝阳路',
  '文化路',
  '青年路',
  '友谊路',
  '光明路',
  '幸福路',
  '建国路',
  '工业路',
  '北京路',
  '延安路',
  '五一路',
  '团结路',
  '迎宾路',
  '花园路',
  '滨江路',
  '湖滨路',
  '府前街',
  '大同街',
  '商业街',
  '学府路',
  '创业路',
  '科技路',
  '站前路',
  '东大街',
  '西大街',
  '南大街',
  '北大街',
  '振兴路',
  '复兴路',
  '世纪大道',
  '金桥路',
  '育才路',
  '春华路',
  '民主路',
  '健康路',
  '红旗路',
];

/** {C} is the official city name (苏州市, 北京市朝阳区), {n} a Chinese numeral. */
export const institutionTemplates = [
  '{C}第{n}中学',
  '{C}第{n}中学食堂',
  '{C}第{n}人民医院',
  '{C}实验小学',
  '{C}第{n}小学',
  '{C}职业技术学院后勤服务中心',
  '{C}{road}街道办事处',
  '{C}中心医院后勤处',
  '{C}第{n}幼儿园',
  '{C}机关事务服务中心',
  '{C}疾病预防控制中心',
  '{C}{road}社区卫生服务中心',
];

export const otherTemplates: Array<{ template: string; industry: string }> = [
  { template: '{c}{b}电子商务有限公司', industry: '电商' },
  { template: '{b}社区团购{road}站', industry: '社区团购' },
  { template: '{c}{b}会务服务有限公司', industry: '会务' },
  { template: '{c}{b}农家乐', industry: '餐饮' },
];

export const contactTitles: Record<CustomerType, string[]> = {
  terminal: ['老板', '老板', '老板娘', '店长', '店员'],
  retail: ['老板', '店长', '采购', '收银主管', '老板娘'],
  wholesale: ['总经理', '采购经理', '业务经理', '财务', '仓库主管'],
  enterprise: ['行政经理', '采购部经理', '总务', '财务', '办公室主任'],
  institution: ['后勤主任', '采购员', '食堂负责人', '财务科科长'],
  other: ['负责人', '运营', '财务', '采购'],
  dealer: ['总经理', '业务经理', '财务'],
};

export const customerNotes = [
  '每周二、周五送货',
  '月底对账，次月10日前付款',
  '只收现金或微信',
  '送货需提前一天电话预约',
  '老板不在时找老板娘签收',
  '仓库在后门，货车限高2.8米',
  '开票需要专票',
  '节假日备货量大，提前沟通',
  '上门拜访避开中午11点到13点',
  '对价格比较敏感，注意促销政策',
  '有两家分店，统一结算',
  '回款需业务员上门收取',
];

export const tagRules = ['重点客户', '连锁', '新开发', '回款慢', '价格敏感', '样板店', '团购', '待跟进'] as const;

// ---------- dealers ----------

/** Trade words in dealer company names (恒通商贸有限公司, 鑫源酒业有限公司). */
export const dealerTradeWords = ['商贸', '商贸', '贸易', '食品', '酒业', '日化', '副食品', '粮油', '供应链', '饮品'];

/** Small unincorporated dealers: 经营部 / 商行 with a trade word. */
export const dealerShopForms = ['食品经营部', '副食品经营部', '烟酒商行', '商行', '粮油经营部', '日化商行'];

export const dealerRetailForms = ['超市连锁有限公司', '便利连锁有限公司', '生活超市有限公司'];

export const dealerDirectForms = ['企业服务有限公司', '团购直销部', '商贸直营部'];

export const dealerContactTitles = ['总经理', '老板', '业务经理', '销售经理'];

export const dealerNotes = {
  active: ['每月5日前对账', '自有仓库2000平方米，配送车6辆', '覆盖区域内主要商超系统', '年底有返利政策', '要求提前三天报订单'],
  suspended: ['回款逾期，暂停发货', '窜货处罚，暂停供货一个月', '合同条款重新谈判中，暂停'],
  terminated: ['合同到期未续签', '经营不善，终止合作', '转做竞品，终止合作'],
  renewing: ['合同已到期，续签洽谈中'],
};

// ---------- customer cards ----------

/** {amt} 万元 amounts, {n} small counts, {pct} growth, {days} payment days, {cat} a product category. */
export const strategyGoals: Record<'prospect' | 'growing' | 'loyal' | 'lost', string[]> = {
  prospect: ['本季度完成首单，首批进货不低于{amt}万元', '争取{n}个单品试销进场', '建立与采购负责人的固定联系', '以{cat}为切入点打开合作'],
  growing: ['月均进货额提升到{amt}万元', '新增{n}个品类进场', '回款周期控制在{days}天以内', '争取节日备货订单', '{cat}单品铺货率达到80%'],
  loyal: ['保持主供应商地位，年进货额增长{pct}%', '签订年度框架协议', '扩大{cat}品类份额', '推动新品首发在本店陈列'],
  lost: ['了解流失原因，争取恢复合作', '以新品试销恢复进货', '清理历史欠款后恢复供货'],
};

export const strategyApproaches = [
  '每周拜访一次，重点维护采购负责人',
  '以{cat}为主推品类，配合堆头陈列',
  '利用节日促销政策提高单次进货量',
  '提供月结账期换取端架陈列位',
  '安排固定车辆送货，48小时内到货',
  '邀请老板参加新品品鉴会',
  '与服务经销商联合拜访，稳定终端价格',
  '每月对账一次，及时跟进回款',
  '做好竞品价格监控，必要时申请特价',
  '针对团购需求准备礼盒方案',
];

export const competitorTemplates = [
  '{c}{b}商贸（价格低3%–5%）',
  '{c}{b}食品（账期更长）',
  '本地批发市场散货',
  '电商平台直供',
  '{b}供应链（送货更频繁）',
  '厂家直营团队',
];

/** {contact} is the customer's primary contact, {cat} a product category. */
export const strategyActionTemplates = [
  '拜访{contact}，确认下月备货计划',
  '送{cat}新品样品试销',
  '核对上月对账单并跟进尾款',
  '洽谈节日礼盒团购方案',
  '检查{cat}堆头陈列与价签',
  '邀请{contact}参加订货会',
  '电话回访{cat}动销情况',
  '提交年度合作协议草案',
  '协调经销商补货',
  '处理上次客诉的退换货',
];

export const evaluationComments = {
  high: ['进货稳定，回款及时', '配合促销积极，陈列到位', '本月进货增长明显', '合作顺畅，可推荐新品'],
  mid: ['进货量平稳，回款基本按时', '对新品兴趣一般，需继续跟进', '偶有压款，需加强对账', '陈列位置一般，下月争取端架'],
  low: ['进货量下滑，需重点跟进', '回款拖延，已提醒', '合作意愿下降，考虑调整策略', '竞品进场，份额被挤压'],
};
