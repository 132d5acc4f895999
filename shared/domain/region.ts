import type { Labelled } from './customer';

// 大区 › 省 › 市 › 片区: four levels, the root is level 1.
export const regionLevels = [1, 2, 3, 4] as const;
export type RegionLevel = (typeof regionLevels)[number];
export const MAX_REGION_LEVEL: RegionLevel = 4;
export const regionLevelLabels: Record<RegionLevel, Labelled> = {
  1: { zh: '大区', en: 'Area' },
  2: { zh: '省', en: 'Province' },
  3: { zh: '市', en: 'City' },
  4: { zh: '片区', en: 'District' },
};
