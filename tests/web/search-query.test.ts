import { describe, expect, test } from 'vitest';
import type { SearchHit } from '../../web/src/api/types.js';
import {
  facetOptions,
  facetValueLabel,
  hitHref,
  parseSearchState,
  searchParams,
  searchStateQuery,
  toggleFilter,
} from '../../web/src/lib/search-query.js';

const names = {
  meetings: new Map([[1, { id: 1, title: '令和6年度 行革ミーティング' } as never]]),
  departments: new Map([[3, { id: 3, name: '産業振興課', bureau: '産業振興部' }]]),
};

function hit(partial: Partial<SearchHit> & Pick<SearchHit, 'type' | 'id'>): SearchHit {
  return { title: 't', text: '', snippet: '', planId: null, nodeId: null, ...partial };
}

describe('the search state in the address', () => {
  test('round-trips words, one value per facet, the order and the page', () => {
    const state = { q: '創業 支援', filters: { type: 'opinion', fiscalYear: '2024', meetingId: '1', state: 'published' }, sort: 'newest' as const, page: 3 };
    const query = searchStateQuery(state);
    expect(query).toBe('?q=%E5%89%B5%E6%A5%AD+%E6%94%AF%E6%8F%B4&type=opinion&fiscalYear=2024&meetingId=1&state=published&sort=newest&page=3');
    expect(parseSearchState(query)).toEqual(state);
  });

  test('defaults are left out of the address', () => {
    expect(searchStateQuery({ q: '', filters: {}, sort: 'relevance', page: 1 })).toBe('');
    expect(searchStateQuery({ q: 'a', filters: {}, sort: 'relevance', page: 1 })).toBe('?q=a');
  });

  test('values that do not fit are dropped, never sent on', () => {
    expect(parseSearchState('?q=x&type=user&fiscalYear=R6&meetingId=0&departmentId=-1&state=gone&commitment=maybe&status=late&sort=oldest&page=abc')).toEqual({
      q: 'x',
      filters: {},
      sort: 'relevance',
      page: 1,
    });
    expect(parseSearchState('?page=9999').page).toBe(500);
    expect(parseSearchState('?q=' + 'あ'.repeat(300)).q).toHaveLength(200);
  });

  test('the API request: ids and years as numbers, 関連度順 and page 1 left to the API', () => {
    expect(searchParams({ q: ' 創業 ', filters: { meetingId: '2', fiscalYear: '2023', commitment: 'consider' }, sort: 'relevance', page: 1 })).toEqual({
      q: '創業',
      meetingId: 2,
      fiscalYear: 2023,
      commitment: 'consider',
    });
    expect(searchParams({ q: 'a', filters: {}, sort: 'newest', page: 2 })).toEqual({ q: 'a', sort: 'newest', page: 2 });
  });

  test('a toggle selects one value per field, clears on a second press, and goes back to page 1', () => {
    const start = { q: 'a', filters: { type: 'node' }, sort: 'relevance' as const, page: 4 };
    const on = toggleFilter(start, 'type', 'opinion');
    expect(on).toEqual({ q: 'a', filters: { type: 'opinion' }, sort: 'relevance', page: 1 });
    expect(toggleFilter(on, 'type', 'opinion').filters).toEqual({});
  });
});

describe('facets', () => {
  test('labels: 和暦 years, meeting titles, departments, Japanese codes', () => {
    expect(facetValueLabel('fiscalYear', '2024', names)).toBe('令和6年度');
    expect(facetValueLabel('meetingId', '1', names)).toBe('令和6年度 行革ミーティング');
    expect(facetValueLabel('meetingId', '9', names)).toBe('会議（番号9）');
    expect(facetValueLabel('departmentId', '3', names)).toBe('産業振興部 産業振興課');
    expect(facetValueLabel('type', 'node', names)).toBe('計画のノード');
    expect(facetValueLabel('state', 'published', names)).toBe('公開');
    expect(facetValueLabel('commitment', 'consider', names)).toBe('検討');
    expect(facetValueLabel('status', 'on_track', names)).toBe('概ね順調');
  });

  test('options: codes in their own order, years newest first, others by count; a selected value without hits stays', () => {
    expect(facetOptions('type', { indicator: 2, opinion: 1, node: 3 }, undefined).map((o) => o.value)).toEqual(['opinion', 'node', 'indicator']);
    expect(facetOptions('fiscalYear', { '2021': 5, '2024': 1 }, '2021')).toEqual([
      { value: '2024', count: 1, selected: false },
      { value: '2021', count: 5, selected: true },
    ]);
    expect(facetOptions('meetingId', { '1': 2, '2': 7, bad: 1, '3': 0 }, undefined).map((o) => o.value)).toEqual(['2', '1']);
    expect(facetOptions('state', {}, 'draft')).toEqual([{ value: 'draft', count: 0, selected: true }]);
  });
});

describe('hit links', () => {
  test('an opinion opens its page', () => {
    expect(hitHref(hit({ type: 'opinion', id: 3 }))).toBe('/opinions/3');
  });

  test('a node or an indicator opens its plan at the node', () => {
    expect(hitHref(hit({ type: 'node', id: 16, planId: 2, nodeId: 16 }))).toBe('/plans/2#node-16');
    expect(hitHref(hit({ type: 'indicator', id: 12, planId: 2, nodeId: 40 }))).toBe('/plans/2#node-40');
  });
});
