// A small report with ids, for the unit tests of the outline, insertions and estimates.

import type { Block } from '../ipc/bindings/Block';
import type { Meta } from '../ipc/bindings/Meta';
import type { Report } from '../ipc/bindings/Report';

export const H = (id: number, text: string, children: Block[] = [], body = ''): Block => ({
  kind: 'heading',
  id,
  text,
  body,
  children,
});
export const P = (id: number, text: string): Block => ({ kind: 'paragraph', id, text });

export function testMeta(overrides: Partial<Meta> = {}): Meta {
  return {
    template: 'fazhi-zhengfu',
    issuer: '某镇人民政府',
    year: 2023,
    title: null,
    recipient: null,
    signature: null,
    date: null,
    attachments: [],
    imprint: null,
    sealed: false,
    ...overrides,
  };
}

/**
 * 一、(10)            （一）(11) ¶12   （二）(13) ¶14  1.(15)  2.(16) （1）(17)   ¶18
 * 二、(20)            ¶21
 * 三、(30)            （一）(31)   （二）(32)
 */
export function testReport(): Report {
  return {
    figures: [],
    plan: [],
    review: null,
    meta: testMeta(),
    preface: [
      { id: 1, text: '导语一' },
      { id: 2, text: '导语二' },
    ],
    parts: [
      {
        id: 10,
        statutory: 'measures',
        heading: '推进法治政府建设的主要举措和成效',
        body: '',
        blocks: [
          H(11, '强化组织领导', [P(12, '成立领导小组。')]),
          H(13, '加快推进政府职能转变', [
            P(14, '加大放管服改革力度。'),
            H(15, '积极走访企业，稳企解困。', [], '以重点企业联络员制度为抓手。'),
            H(16, '优化营商环境。', [H(17, '四级标题')]),
          ]),
          P(18, '本部分小结。'),
        ],
      },
      { id: 20, statutory: 'shortcomings', heading: '推进法治政府建设存在的不足和原因', body: '', blocks: [P(21, '一是……')] },
      { id: 30, statutory: 'plans', heading: '2024年度推进法治政府建设的主要安排', body: '', blocks: [H(31, '甲'), H(32, '乙')] },
    ],
  };
}
