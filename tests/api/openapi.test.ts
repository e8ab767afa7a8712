import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
let doc: any;
beforeAll(async () => {
  t = await createTestContext();
  doc = (await t.api('GET', '/api/openapi.json')).body;
});
afterAll(async () => t.close());

/** Every route of PRODUCT.md implemented so far, and our additions (publish all, commenter, duplicates). */
const expectedOperations = [
  'get /api/health',
  'get /api/departments',
  'post /api/departments',
  'get /api/plans',
  'post /api/plans',
  'get /api/plans/{id}',
  'post /api/plans/{id}/nodes',
  'get /api/nodes/{id}',
  'patch /api/nodes/{id}',
  'post /api/nodes/{id}/indicators',
  'post /api/indicators/{id}/values',
  'get /api/meetings',
  'post /api/meetings',
  'get /api/meetings/{id}',
  'patch /api/meetings/{id}',
  'get /api/opinions',
  'post /api/opinions',
  'get /api/opinions/{id}',
  'patch /api/opinions/{id}',
  'delete /api/opinions/{id}',
  'get /api/opinions/{id}/response',
  'put /api/opinions/{id}/response',
  'post /api/opinions/{id}/response/transitions',
  'get /api/opinions/{id}/response/versions',
  'get /api/opinions/{id}/progress',
  'get /api/opinions/{id}/related',
  'get /api/opinions/{id}/suggested-nodes',
  'post /api/opinions/{id}/progress',
  'get /api/nodes/{id}/progress',
  'post /api/nodes/{id}/progress',
  'get /api/nodes/{id}/evaluations',
  'post /api/nodes/{id}/evaluations',
  'get /api/search',
  'get /api/progress/summary',
  'get /api/progress/not-reported',
  'get /api/opinions/{id}/timeline',
  'get /api/nodes/{id}/timeline',
  'get /api/periods',
  'post /api/periods',
  'post /api/periods/{period}/close',
  'post /api/periods/{period}/reopen',
  'get /api/notices',
  'get /api/meetings/{id}/report',
  'get /api/meetings/{id}/follow-up',
  'post /api/imports',
  'get /api/me',
  'get /api/users',
  'post /api/users',
  'patch /api/users/{id}',
  'get /api/audit',
  'post /api/meetings/{id}/comments',
  'post /api/meetings/{id}/publish',
  'get /api/opinions/{id}/commenter',
  'get /api/meetings/{id}/duplicates',
  'post /api/auth/sign-in/email',
  'post /api/auth/sign-out',
];

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every route', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, item]: [string, any]) => Object.keys(item).map((m) => `${m} ${path}`));
    expect(operations.sort()).toEqual([...expectedOperations].sort());
  });

  it('gives every operation a summary and documents its errors with the error shape', () => {
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        for (const [status, response] of Object.entries<any>(op.responses)) {
          if (Number(status) >= 400 && path !== '/api/health')
            expect(response.content['application/json'].schema.$ref, `${method} ${path} ${status}`).toBe('#/components/schemas/Error');
        }
      }
    }
  });

  it('describes every named schema, with examples', () => {
    const schemas = Object.entries<any>(doc.components.schemas);
    expect(schemas.length).toBeGreaterThan(25);
    const hasOwnExample = (s: any): boolean =>
      s.example !== undefined || s.examples !== undefined || Array.isArray(s.enum) ||
      Object.values<any>(s.properties ?? {}).some((p) => p.example !== undefined || p.examples !== undefined || Array.isArray(p.enum)) ||
      [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].some(hasOwnExample);
    const withoutExample = schemas.filter(([, schema]) => !hasOwnExample(schema)).map(([name]) => name);
    expect(withoutExample, 'schemas with no example on themselves or their fields').toEqual([]);
    for (const [name, schema] of schemas) expect(schema.description, name).toBeTruthy();
    for (const name of ['Opinion', 'NewOpinion', 'Response', 'ResponseInput', 'Meeting', 'Plan', 'Node', 'Indicator', 'Error', 'Evaluation', 'Progress'])
      expect(doc.components.schemas[name], name).toBeDefined();
  });

  it('is browsable at /api/docs', async () => {
    const res = await t.api('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.body).toContain('/vendor/swagger-ui/swagger-ui-bundle.js');
    expect(res.body).toContain('lang="ja"');
  });
});
