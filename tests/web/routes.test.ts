import { describe, expect, test } from 'vitest';
import { matchRoute, routableUrl, type ClickInfo } from '../../web/src/router/routes.js';

const click: ClickInfo = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
const link = (href: string, target = '') => ({ href, target, hasDownload: false });
const here = 'https://iken.example.jp/';

describe('matchRoute', () => {
  test('knows the pages', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/meetings/12')).toEqual({ name: 'meeting', id: 12 });
    expect(matchRoute('/meetings/12/')).toEqual({ name: 'meeting', id: 12 });
    expect(matchRoute('/plans/3')).toEqual({ name: 'plan', id: 3 });
    expect(matchRoute('/import')).toEqual({ name: 'import' });
    expect(matchRoute('/import/')).toEqual({ name: 'import' });
    expect(matchRoute('/search')).toEqual({ name: 'search' });
    expect(matchRoute('/search/')).toEqual({ name: 'search' });
    expect(matchRoute('/meetings/12/follow-up')).toEqual({ name: 'follow-up', id: 12 });
    expect(matchRoute('/notices')).toEqual({ name: 'notices' });
    expect(matchRoute('/periods/')).toEqual({ name: 'periods' });
    expect(matchRoute('/plans/3/summary')).toEqual({ name: 'plan-summary', id: 3 });
    expect(matchRoute('/plans/3/summary/')).toEqual({ name: 'plan-summary', id: 3 });
    expect(matchRoute('/nodes/67')).toEqual({ name: 'node', id: 67 });
  });

  test('the summary and node pages take positive ids only, and nothing below them', () => {
    for (const path of ['/plans/0/summary', '/plans/x/summary', '/plans/3/summary/2', '/nodes', '/nodes/0', '/nodes/-4', '/nodes/1/evaluations'])
      expect(matchRoute(path), path).toEqual({ name: 'not-found' });
  });

  test('anything else is not found, including ids that are not positive integers', () => {
    for (const path of ['/meetings', '/meetings/0', '/meetings/abc', '/meetings/1.5', '/plans/-1', '/nope', '/meetings/1/x', '/imports', '/import/1', '/search/1', '/meetings/0/follow-up', '/meetings/1/follow-up/2', '/notices/1', '/periods/2025H1'])
      expect(matchRoute(path), path).toEqual({ name: 'not-found' });
  });
});

describe('routableUrl', () => {
  test('takes plain same-origin clicks on app pages', () => {
    expect(routableUrl(click, link('https://iken.example.jp/meetings/1'), here)?.pathname).toBe('/meetings/1');
  });

  test('leaves new tabs, downloads, other origins and server paths to the browser', () => {
    for (const key of ['metaKey', 'ctrlKey', 'shiftKey', 'altKey'] as const)
      expect(routableUrl({ ...click, [key]: true }, link('/meetings/1'), here)).toBeNull();
    expect(routableUrl({ ...click, button: 1 }, link('/meetings/1'), here)).toBeNull();
    expect(routableUrl({ ...click, defaultPrevented: true }, link('/meetings/1'), here)).toBeNull();
    expect(routableUrl(click, link('/meetings/1', '_blank'), here)).toBeNull();
    expect(routableUrl(click, { ...link('/meetings/1'), hasDownload: true }, here)).toBeNull();
    expect(routableUrl(click, link('https://other.example.jp/meetings/1'), here)).toBeNull();
    expect(routableUrl(click, link('https://iken.example.jp/api/docs'), here)).toBeNull();
    expect(routableUrl(click, link('https://iken.example.jp/vendor/swagger-ui/init.js'), here)).toBeNull();
  });
});
