/**
 * Zod speaks Japanese: its built-in ja locale, with plainer wording for the
 * messages city staff meet most (a missing field, an empty or long text).
 */
import { z } from 'zod';

let configured = false;

export function configureZod(): void {
  if (configured) return;
  configured = true;
  z.config(z.locales.ja());
  z.config({
    customError: (issue) => {
      if (issue.code === 'invalid_type' && issue.input === undefined) return '必須項目です。';
      if (issue.code === 'invalid_type' && issue.expected === 'number') return '数値で指定してください。';
      if (issue.code === 'invalid_type' && issue.expected === 'string') return '文字列で指定してください。';
      if (issue.code === 'invalid_type' && issue.expected === 'object') return 'オブジェクト（{ … }）で指定してください。';
      if (issue.code === 'invalid_type' && issue.expected === 'array') return '配列（[ … ]）で指定してください。';
      if (issue.code === 'unrecognized_keys') return `使えない項目があります: ${issue.keys.join(', ')}`;
      if (issue.code === 'invalid_value') return `次のいずれかを指定してください: ${issue.values.map(String).join(', ')}`;
      return undefined;
    },
  });
}
