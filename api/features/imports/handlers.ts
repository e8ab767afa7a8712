import { importDocument } from '../../../seeds/importers/import-document.js';
import { ApiError } from '../../lib/errors.js';
import { featureApp } from '../../lib/app-env.js';
import { importRoute } from './routes.js';

/** Content types a document may come as, besides a multipart form. */
const RAW_TYPES = /^(text\/plain|text\/csv|text\/tab-separated-values|application\/octet-stream|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet)\b/i;

export const importsApp = featureApp().openapi(importRoute, async (c) => {
  const { kind, dryRun } = c.req.valid('query');
  const type = c.req.header('content-type') ?? '';
  let bytes: Uint8Array;
  let fileName: string | undefined;
  if (/^multipart\/form-data/i.test(type)) {
    const form = await c.req.formData().catch(() => {
      throw new ApiError('validation_failed', 'フォームの内容を読み取れませんでした。');
    });
    const file = form.get('file');
    if (!(file instanceof File)) throw new ApiError('validation_failed', 'file 欄に資料のファイルを指定してください。', [{ path: 'file', message: 'ファイルがありません。' }]);
    bytes = new Uint8Array(await file.arrayBuffer());
    fileName = file.name || undefined;
  } else if (RAW_TYPES.test(type)) {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  } else {
    throw new ApiError('unsupported_media_type', '資料は text/plain の本文、またはmultipart/form-data の file 欄で送ってください。');
  }
  return c.json(await importDocument(c.var.store, c.var.actor, bytes, { kind, dryRun, fileName }), 200);
});
