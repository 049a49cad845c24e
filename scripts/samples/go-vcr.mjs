// Writes a go-vcr v2 cassette (the layout go-vcr's recorder writes) from a list of interactions,
// for the samples of the dialects. Bodies are strings, or bytes written as YAML !!binary.

import { writeFileSync } from 'node:fs';
import { Document } from 'yaml';

/**
 * @param {string} file
 * @param {{url: string, method?: string, request: unknown, requestHeaders?: Record<string,string[]>, status?: number,
 *   statusText?: string, streamed?: boolean, responseHeaders: Record<string,string[]>, response: string | Uint8Array, duration?: string}[]} interactions
 */
export function writeGoVcr(file, interactions) {
  const binaries = [];
  const doc = {
    version: 2,
    interactions: interactions.map((item, id) => {
      const requestBody = typeof item.request === 'string' ? item.request : JSON.stringify(item.request);
      const status = item.status ?? 200;
      const binary = item.response instanceof Uint8Array;
      // Bytes go in as a placeholder, replaced by the !!binary block below (go-vcr's own layout).
      const body = binary ? `@@BINARY${binaries.push(Buffer.from(item.response).toString('base64')) - 1}@@` : item.response;
      const length = binary ? item.response.length : Buffer.byteLength(item.response);
      return {
        id,
        request: {
          proto: 'HTTP/1.1',
          proto_major: 1,
          proto_minor: 1,
          content_length: Buffer.byteLength(requestBody),
          host: '',
          body: requestBody,
          headers: { Accept: ['application/json'], 'Content-Type': ['application/json'], ...(item.requestHeaders ?? {}) },
          url: item.url,
          method: item.method ?? 'POST',
        },
        response: {
          proto: 'HTTP/1.1',
          proto_major: 1,
          proto_minor: 1,
          content_length: item.streamed ? -1 : length,
          body,
          headers: item.responseHeaders,
          status: `${status} ${item.statusText ?? 'OK'}`,
          code: status,
          duration: item.duration ?? '812.5ms',
        },
      };
    }),
  };
  const text = new Document(doc, { aliasDuplicateObjects: false })
    .toString({ lineWidth: 0, indentSeq: false })
    .replace(/^( *)body: "?@@BINARY(\d+)@@"?$/gm, (_, indent, n) => `${indent}body: !!binary |\n${binaries[Number(n)].match(/.{1,72}/g).map((l) => `${indent}  ${l}`).join('\n')}`);
  writeFileSync(file, `---\n${text}`);
}
