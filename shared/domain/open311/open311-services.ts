import {
  CASE_CATEGORIES,
  type CaseCategory,
  type CaseCategoryId,
  findCaseCategory,
} from '../cases/case-categories.ts';
import type { Open311Value } from './open311-xml.ts';

/**
 * Our 随手拍 categories as GeoReport v2 services: the category id is the service_code. Every service
 * is `realtime` (a POST answers with the new case's id at once) and has one optional attribute, the
 * case's title, so `metadata` is true and its definition lists that attribute.
 */

interface ServiceText {
  /** What the category covers, zh-CN first with English beside. */
  description: string;
  keywords: readonly string[];
  group: string;
}

const POLLUTION = '环境污染 (pollution)';
const SANITATION = '市容环卫 (sanitation)';

const TEXT: Readonly<Record<CaseCategoryId, ServiceText>> = {
  sanitationDeadCorner: {
    description: '长期无人清扫的角落、堆积物 (corners left uncleaned, heaps of refuse)',
    keywords: ['卫生死角', '脏乱', 'litter', 'dirty corner'],
    group: SANITATION,
  },
  waterPollution: {
    description: '河流、湖泊、沟渠水体变色、发臭、漂浮物 (discoloured or smelly water, floating waste)',
    keywords: ['水体', '黑臭水体', '河道', 'river', 'lake'],
    group: POLLUTION,
  },
  soilPollution: {
    description: '倾倒废渣、油污渗漏等污染土壤 (dumped residues, oil or chemicals soaking into soil)',
    keywords: ['废渣', '渗漏', 'dumping', 'contaminated land'],
    group: POLLUTION,
  },
  householdWaste: {
    description: '生活垃圾满溢、未及时清运 (overflowing or uncollected household waste)',
    keywords: ['垃圾', '清运', 'garbage', 'rubbish', 'bins'],
    group: SANITATION,
  },
  noise: {
    description: '施工、经营、设备噪声扰民 (noise from building sites, businesses or machines)',
    keywords: ['扰民', '施工噪声', 'noise', 'loud'],
    group: POLLUTION,
  },
  dust: {
    description: '工地、道路、堆场扬尘 (dust from building sites, roads and stockpiles)',
    keywords: ['工地', '渣土', 'construction dust', 'dust'],
    group: POLLUTION,
  },
  sewage: {
    description: '污水外溢、管网破损、偷排 (overflowing sewage, broken sewers, illegal discharge)',
    keywords: ['排污口', '管网', 'sewer', 'discharge'],
    group: POLLUTION,
  },
  other: {
    description: '其他生态环境问题 (any other environmental problem)',
    keywords: ['其他', 'other'],
    group: '其他 (other)',
  },
};

/** The one attribute every service takes: the case's title (attribute[title]=…). */
export const TITLE_ATTRIBUTE = 'title';
export const TITLE_MAX_LENGTH = 200;

export const serviceName = (category: CaseCategory): string => `${category.labelZh} (${category.labelEn})`;

const service = (category: CaseCategory) => {
  const text = TEXT[category.id];
  return {
    service_code: category.id,
    service_name: serviceName(category),
    description: text.description,
    metadata: true,
    type: 'realtime',
    keywords: text.keywords.join(', '),
    group: text.group,
  };
};

/** GET services: every category, in the order people see them. */
export const serviceList = (): Open311Value => CASE_CATEGORIES.map(service);

/** GET services/{code}: the definition, or undefined for a code that is no category. */
export const serviceDefinition = (code: string): Open311Value | undefined => {
  const category = findCaseCategory(code);
  if (category === undefined) return undefined;
  return {
    service_code: category.id,
    attributes: [
      {
        variable: true,
        code: TITLE_ATTRIBUTE,
        datatype: 'string',
        required: false,
        datatype_description: `不超过 ${TITLE_MAX_LENGTH} 字 (at most ${TITLE_MAX_LENGTH} characters)`,
        order: 1,
        description:
          '问题的简短标题；不填则取描述的第一行 (a short title; the first line of the description when absent)',
      },
    ],
  };
};
