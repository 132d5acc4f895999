// The sort fields of each list, apart from the schemas: list screens import them without loading zod and every
// contract schema at start-up (the contract files build their sort inputs from these).

export const customerSortFields = [
  'code',
  'name',
  'grade',
  'lifecycle',
  'type',
  'regionName',
  'repName',
  'creditLimitFen',
  'paymentTermDays',
  'createdAt',
  'updatedAt',
] as const;

export const dealerSortFields = [
  'code',
  'name',
  'channelType',
  'tier',
  'contractEnd',
  'depositFen',
  'creditLimitFen',
  'customerCount',
  'updatedAt',
] as const;

export const productSortFields = [
  'sku',
  'name',
  'categoryName',
  'listPriceFen',
  'dealerPriceFen',
  'floorPriceFen',
  'costFen',
  'updatedAt',
] as const;

export const repSortFields = ['code', 'name', 'teamName', 'hireDate', 'customerCount'] as const;

/** visit plans and daily reports */
export const dailyFormSortFields = ['date', 'repName', 'state', 'updatedAt'] as const;

export const marketFeedbackSortFields = [
  'date',
  'code',
  'feedbackType',
  'urgency',
  'status',
  'repName',
  'customerName',
  'handledDate',
  'updatedAt',
] as const;

export const complaintSortFields = [
  'receivedDate',
  'code',
  'customerName',
  'urgency',
  'status',
  'repName',
  'handledDate',
  'updatedAt',
] as const;

export const expenseSortFields = ['date', 'amountFen', 'category', 'repName', 'customerName', 'updatedAt'] as const;

export const orderSortFields = [
  'docNo',
  'date',
  'customerName',
  'dealerName',
  'repName',
  'dueDate',
  'totalFen',
  'grossProfitFen',
  'state',
] as const;
export const returnSortFields = ['docNo', 'date', 'customerName', 'totalFen', 'state'] as const;
export const collectionSortFields = ['docNo', 'date', 'customerName', 'repName', 'method', 'amountFen'] as const;
export const writeOffSortFields = ['docNo', 'date', 'customerName', 'amountFen'] as const;
export const channelConflictSortFields = ['date', 'docNo', 'dealerName', 'customerName', 'regionPath', 'amountFen'] as const;

/** 商机 */
export const opportunitySortFields = [
  'title',
  'customerName',
  'repName',
  'stage',
  'amountFen',
  'probabilityBp',
  'expectedCloseDate',
  'nextStepDate',
  'createdOn',
  'updatedAt',
] as const;
